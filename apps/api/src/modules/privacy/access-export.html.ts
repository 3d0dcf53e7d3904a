import type { AccessExport } from './access-export.service.js';

type Json = Record<string, unknown>;

/** Dutch labels of the fields people will look for; other fields keep their technical name. */
const LABELS: Record<string, string> = {
  first_name: 'Voornaam',
  last_name: 'Familienaam',
  date_of_birth: 'Geboortedatum',
  gender: 'Gender',
  email: 'E-mail',
  phone: 'Telefoon',
  postal_code: 'Postcode',
  municipality: 'Gemeente',
  native_language: 'Moedertaal',
  dutch_level: 'Niveau Nederlands',
  education_level: 'Hoogste onderwijsniveau',
  employment_status: 'Arbeidssituatie',
  target_groups: 'Doelgroepen',
  referral_source: 'Verwezen door',
  insz: 'Rijksregisternummer',
  kind: 'Soort',
  status: 'Status',
  opened_at: 'Geopend op',
  closed_at: 'Afgesloten op',
  learning_question: 'Leervraag',
  themes: 'Thema’s',
  barriers: 'Drempels',
  health_barrier: 'Gezondheid als drempel',
  goal: 'Doel',
  exit_reason: 'Reden van afsluiten',
  objectives_met: 'Doelen bereikt',
  occurred_at: 'Datum',
  duration_minutes: 'Duur (minuten)',
  channel: 'Kanaal',
  notes: 'Notities',
  purpose: 'Doel van de toestemming',
  given_at: 'Gegeven op',
  withdrawn_at: 'Ingetrokken op',
  partner_name: 'Partnerorganisatie',
  accessed_at: 'Geraadpleegd op',
  user_id_name: 'Door',
  parts: 'Onderdelen',
  field: 'Gegeven',
  old_value: 'Oude waarde',
  new_value: 'Nieuwe waarde',
  changed_at: 'Gewijzigd op',
  changed_by_name: 'Gewijzigd door',
  counsellor_id_name: 'Begeleider',
};

const SKIP_IN_TABLES = new Set(['contacts', 'transitions', 'action_items', 'offer_gaps', 'referrals', 'exchange', 'events']);

function escape(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return new Intl.DateTimeFormat('nl-BE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(value));
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function record(item: Json): string {
  const rows = Object.entries(item)
    .filter(([key]) => !SKIP_IN_TABLES.has(key))
    .map(([key, value]) => `<tr><th scope="row">${escape(LABELS[key] ?? key)}</th><td>${escape(show(value))}</td></tr>`);
  return `<table>${rows.join('')}</table>`;
}

function list(title: string, items: Json[], level = 2): string {
  const heading = `<h${String(level)}>${escape(title)} (${String(items.length)})</h${String(level)}>`;
  return items.length === 0 ? `${heading}<p>Geen.</p>` : `${heading}${items.map(record).join('')}`;
}

/** The access export as one self-contained, printable Dutch HTML document (every value escaped). */
export function accessExportHtml(data: AccessExport): string {
  const cases = data.cases
    .map((kase, i) => {
      const children = (key: string) => (kase[key] as Json[] | undefined) ?? [];
      const referrals = children('referrals').map((referral) => {
        const exchange = (referral.exchange as Json | undefined) ?? {};
        return `${record({ partner_name: referral.partner_name, ...exchange })}${list('Verloop van de toeleiding', (exchange.events as Json[] | undefined) ?? (referral.events as Json[] | undefined) ?? [], 5)}`;
      });
      return `<section><h3>Traject ${String(i + 1)}</h3>${record(kase)}
        ${list('Statuswijzigingen', children('transitions'), 4)}
        ${list('Gesprekken', children('contacts'), 4)}
        ${list('Acties en opvolging', children('action_items'), 4)}
        ${list('Geen passend aanbod', children('offer_gaps'), 4)}
        <h4>Doorverwijzingen (${String(referrals.length)})</h4>${referrals.join('') || '<p>Geen.</p>'}</section>`;
    })
    .join('');
  return `<!doctype html>
<html lang="nl-BE"><head><meta charset="utf-8"><title>Inzage in persoonsgegevens</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}th{width:16rem;background:#f3f3f3}section{page-break-inside:avoid}</style></head>
<body>
<h1>Inzage in persoonsgegevens (artikel 15 AVG)</h1>
<p>Dit document bevat alle gegevens die ${escape(data.region.name)} over deze persoon bewaart, opgemaakt op ${escape(show(data.generatedAt))}.</p>
<h2>Persoonsgegevens</h2>${record(data.learner)}
<h2>Bewaartermijn</h2><p>${data.retention.anonymiseOn ? `De gegevens worden geanonimiseerd vanaf ${escape(show(data.retention.anonymiseOn))}.` : 'Er loopt nog een traject: de bewaartermijn begint bij het afsluiten.'}</p>
${list('Verbeteringen (historiek)', data.history)}
${list('Toestemmingen', data.consents)}
<h2>Trajecten (${String(data.cases.length)})</h2>${cases || '<p>Geen.</p>'}
${list('Aanmeldingen door partners', data.registrations)}
${list('Wie heeft de gegevens geraadpleegd', data.accessLog)}
${list('Vragen tot wissen', data.erasureRequests)}
</body></html>`;
}
