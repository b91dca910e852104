import type { TimelineEntity } from '../lib/extension/timeline/build-timeline';
import type { YearGroup } from '../lib/extension/timeline/group-timeline';
import TimelineEntry from './TimelineEntry';

export interface TimelineYearsProps {
  groups: readonly YearGroup[];
  entities: ReadonlyMap<string, TimelineEntity>;
  revealable: ReadonlySet<string>;
  onReveal?: (id: string) => void;
  showSources?: boolean;
  /** Heading level of the years. */
  level: 2 | 3 | 4;
  idPrefix: string;
}

/** Years in order, each a heading and an ordered list: focus and reading order follow time. */
export default function TimelineYears({ groups, level, idPrefix, ...entry }: TimelineYearsProps) {
  const Heading = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return (
    <>
      {groups.map((group) => {
        const id = `${idPrefix}-${group.year}`;
        return (
          // A div, not a labelled section: the same year can open both halves, and years are headings, not landmarks.
          <div key={group.year} class="tl-year">
            <Heading id={id} class="tl-year__title">
              {group.year}
            </Heading>
            <ol class="tl-list">
              {group.items.map((item) => (
                <TimelineEntry key={item.key} item={item} {...entry} />
              ))}
            </ol>
          </div>
        );
      })}
    </>
  );
}
