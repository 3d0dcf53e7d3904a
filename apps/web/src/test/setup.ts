import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { runAfterTestDisposers } from './cleanup-registry';

// findBy…/waitFor give up after this long: the default second is too short for a whole app rendering its lazy
// routes on a loaded two-core CI machine (this bounds a wait; it asserts no speed).
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout and no scrolling (it only reports "not implemented"); the browser tests cover scrolling.
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  runAfterTestDisposers();
  window.localStorage.clear();
  window.sessionStorage.clear();
  document.documentElement.lang = 'nl-BE';
  document.title = '';
});
