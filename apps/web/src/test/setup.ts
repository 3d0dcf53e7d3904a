import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { runAfterTestDisposers } from './cleanup-registry';

afterEach(() => {
  cleanup();
  runAfterTestDisposers();
  window.localStorage.clear();
  window.sessionStorage.clear();
  document.documentElement.lang = 'nl-BE';
  document.title = '';
});
