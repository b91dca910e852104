import { describe, expect, it } from 'vitest';
import { factSourcing } from '../../lib/shared/annotations/fact-sourcing';
import type { Source } from '../../lib/shared/annotations/types';

const register = new Map<string, Source>(
  [
    { id: 'ap-copy-1', title: 'Story (AP)', publisher: 'Manila Bulletin', url: 'https://a.example/1', kind: 'news', origin: 'AP' },
    { id: 'ap-copy-2', title: 'Story (AP)', publisher: 'The Atlanta Journal-Constitution', url: 'https://b.example/1', kind: 'news', origin: 'AP' },
    { id: 'reuters', title: 'Story', publisher: 'Reuters', url: 'https://c.example/1', kind: 'wire' },
    { id: 'irna', title: 'Statement', publisher: 'IRNA', url: 'https://d.example/1', kind: 'state-media' },
    { id: 'mfa', title: 'Statement', publisher: 'Iran MFA', url: 'https://e.example/1', kind: 'official' },
    { id: 'guardian-1', title: 'One', publisher: 'The Guardian', url: 'https://f.example/1', kind: 'news' },
    { id: 'guardian-2', title: 'Two', publisher: 'the guardian ', url: 'https://f.example/2', kind: 'news' },
  ].map((source) => [source.id, source as Source]),
);
const lookup = (id: string) => register.get(id);

describe('factSourcing', () => {
  it('counts two copies of one wire story as one source', () => {
    expect(factSourcing(['ap-copy-1', 'ap-copy-2'], lookup).independent).toBe(1);
    expect(factSourcing(['ap-copy-1', 'ap-copy-2', 'reuters'], lookup).independent).toBe(2);
  });

  it('counts two pages of one publisher as one source', () => {
    expect(factSourcing(['guardian-1', 'guardian-2'], lookup).independent).toBe(1);
  });

  it('says when only official accounts back a fact', () => {
    expect(factSourcing(['irna', 'mfa'], lookup)).toMatchObject({ independent: 2, officialOnly: true });
    expect(factSourcing(['irna', 'reuters'], lookup).officialOnly).toBe(false);
  });

  it('skips ids it cannot resolve rather than counting them', () => {
    expect(factSourcing(['reuters', 'missing'], lookup)).toMatchObject({ independent: 1, officialOnly: false });
    expect(factSourcing(['missing'], lookup)).toMatchObject({ independent: 0, officialOnly: false, sources: [] });
  });
});
