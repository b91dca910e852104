import { describe, expect, it } from 'vitest';
import { parseBenchOptions, USAGE } from '../../bench/options';
import { REFERENCE_REV, referenceBuild } from '../../bench/reference-build';

const parse = (...args: string[]) => {
  const options = parseBenchOptions(args);
  if (options === 'help') throw new Error('help');
  return options;
};

describe('npm run bench options: the 1 MB page against an older build', () => {
  it('measures the reference build load after load with this one by default', () => {
    expect(parse().reference).toBe(REFERENCE_REV);
    expect(parse('--runs', '3').reference).toBe(REFERENCE_REV);
  });

  it('takes another revision, or none', () => {
    expect(parse('--reference', 'HEAD~3').reference).toBe('HEAD~3');
    expect(parse('--no-reference').reference).toBeNull();
  });

  it('says so in --help', () => {
    expect(parseBenchOptions(['--help'])).toBe('help');
    expect(USAGE).toContain(`--reference REV`);
    expect(USAGE).toContain(`default ${REFERENCE_REV}`);
    expect(USAGE).toContain('--no-reference');
  });
});

describe('the reference build', () => {
  it('refuses a revision the repository does not have, before building anything (the bench then measures alone)', async () => {
    const logged: string[] = [];
    await expect(referenceBuild('no-such-revision-of-backstory', (m) => logged.push(m))).rejects.toThrow(/rev-parse/);
    expect(logged).toEqual([]);
  });
});
