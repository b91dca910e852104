/**
 * Rule 4: one register of sources (data/sources.json) under a written policy
 * (data/source-policy.json, explained in data/README.md).
 *
 * - every URL is canonical (no tracking parameters, no explicit port) and
 *   listed once; its domain is not refused; its kind agrees with the policy;
 * - every id an entry cites exists, and every register entry is cited;
 * - an entry lists every source its facts cite (the card's source list);
 * - a source cannot report an event that began after it was published;
 * - advocacy and state media back a fact only beside an independent source,
 *   or when the fact attributes the claim to them.
 */
import { firstDay, lastDay } from '../../shared/mentions/active-forms';
import type { Fact, Source } from '../../shared/annotations/types';
import type { Report } from './problems';
import { factsOf, type Records } from './records';

/** Query parameters that track readers rather than name a page. */
const TRACKING = /^(utm_[a-z]+|ea_cnt|noamp|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|taid|src)$/i;
const DEPENDENT_KINDS = new Set(['advocacy', 'state-media']);
/** Words that make a fact an attributed account rather than a claim made in our voice. */
const ATTRIBUTION = /\b(according to|said|says|say|reported|reports|claimed|claims|stated|states|announced|described|told|quoted|cited|called)\b/i;

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Why a URL is not canonical, or null. */
export function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (/^https:\/\/[^/]+:\d+/i.test(url)) return `explicit port ":${parsed.port || url.match(/:(\d+)/)![1]}" (write the address without it)`;
  const tracking = [...parsed.searchParams.keys()].filter((key) => TRACKING.test(key));
  if (tracking.length > 0) return `tracking parameter(s) ${tracking.join(', ')} (cite the page's canonical address)`;
  if (parsed.hash) return 'fragment in a source URL (cite the page itself)';
  return null;
}

interface Citation {
  file: string;
  path: string;
  id: string;
}

/** Every place an entry cites a source id. */
function* citations(records: Records): Generator<Citation & { fact?: Fact }> {
  const entries = [...records.entities.values(), ...records.notes.values(), ...records.articles.values()];
  for (const entry of entries) {
    const file = records.fileOf(entry);
    for (const [i, id] of entry.sources.entries()) yield { file, path: `$.sources[${i}]`, id };
    for (const [f, fact] of factsOf(entry).entries()) {
      for (const [i, id] of fact.sources.entries()) yield { file, path: `$.facts[${f}].sources[${i}]`, id, fact };
      for (const [i, id] of (fact.singleSource?.sources ?? []).entries()) yield { file, path: `$.facts[${f}].singleSource.sources[${i}]`, id };
    }
    const caveat = 'singleSource' in entry ? entry.singleSource : undefined;
    for (const [i, id] of (caveat?.sources ?? []).entries()) yield { file, path: `$.singleSource.sources[${i}]`, id };
    if ('nativeName' in entry && entry.nativeName) {
      for (const [i, id] of entry.nativeName.sources.entries()) yield { file, path: `$.nativeName.sources[${i}]`, id };
    }
    if ('roles' in entry) {
      for (const [r, role] of (entry.roles ?? []).entries()) {
        for (const [i, id] of role.sources.entries()) yield { file, path: `$.roles[${r}].sources[${i}]`, id };
      }
    }
  }
}

function checkRegisterEntries(records: Records, report: Report): void {
  const byUrl = new Map<string, string>();
  const kindOfDomain = new Map<string, string>();
  for (const [kind, domains] of Object.entries(records.policy.kinds)) for (const domain of domains ?? []) kindOfDomain.set(domain, kind);
  [...records.sources.values()].forEach((source, i) => {
    const path = `$.sources[${i}]`;
    const file = records.registerFile;
    const problem = urlProblem(source.url);
    if (problem) report(file, `${path}.url`, problem);
    const key = source.url.replace(/\/$/, '').toLowerCase();
    const twin = byUrl.get(key);
    if (twin) report(file, `${path}.url`, `duplicate URL: "${source.id}" and "${twin}" are one page (describe it once and cite one id)`);
    else byUrl.set(key, source.id);
    const host = hostOf(source.url);
    if (!host) return;
    const refused = records.policy.refused.find((rule) => domainMatches(host, rule.domain));
    if (refused) report(file, `${path}.url`, `refused domain ${refused.domain}: ${refused.reason}`);
    for (const [domain, kind] of kindOfDomain) {
      if (domainMatches(host, domain) && source.kind !== kind) {
        report(file, `${path}.kind`, `${domain} is listed as "${kind}" in ${records.policyFile}, not "${source.kind}"`);
      }
    }
  });
}

function checkFactSources(fact: Fact, sources: Source[], file: string, path: string, report: Report): void {
  const began = firstDay(fact.date);
  fact.sources.forEach((id, i) => {
    const source = sources[i];
    // A fact that names the publisher cites its earlier report as an account ("Iran International had reported the day before").
    if (source?.date && lastDay(source.date) < began && !fact.text.includes(source.publisher)) {
      report(file, `${path}.sources[${i}]`, `source "${id}" was published ${source.date}, before the event it is cited for (${fact.date})`);
    }
  });
  const known = sources.filter(Boolean);
  if (known.length > 0 && known.every((s) => DEPENDENT_KINDS.has(s.kind ?? '')) && !ATTRIBUTION.test(fact.text)) {
    report(
      file,
      `${path}.sources`,
      `rests only on ${[...new Set(known.map((s) => s.kind))].join(' and ')}: add an independent source, or attribute the claim ("according to Iranian state media, ...")`,
    );
  }
}

export function checkSourceRegister(records: Records, report: Report): void {
  checkRegisterEntries(records, report);
  const cited = new Set<string>();
  for (const { file, path, id } of citations(records)) {
    cited.add(id);
    if (!records.sources.has(id)) report(file, path, `unknown source "${id}" (not in ${records.registerFile})`);
  }
  [...records.sources.values()].forEach((source, i) => {
    if (!cited.has(source.id)) report(records.registerFile, `$.sources[${i}].id`, `source "${source.id}" is cited by no entity, note or article`);
  });
  const entries = [...records.entities.values(), ...records.notes.values(), ...records.articles.values()];
  for (const entry of entries) {
    const file = records.fileOf(entry);
    const listed = new Set(entry.sources);
    factsOf(entry).forEach((fact, f) => {
      fact.sources.forEach((id, i) => {
        if (records.sources.has(id) && !listed.has(id)) {
          report(file, `$.facts[${f}].sources[${i}]`, `source "${id}" is cited here but missing from $.sources (the card's source list)`);
        }
      });
      const sources = fact.sources.map((id) => records.sources.get(id)) as Source[];
      checkFactSources(fact, sources, file, `$.facts[${f}]`, report);
    });
  }
}
