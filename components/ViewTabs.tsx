import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface ViewTab {
  id: string;
  label: string;
  panel: () => ComponentChildren;
}

export interface ViewTabsProps {
  label: string;
  tabs: readonly ViewTab[];
  selected: string;
  onSelect: (id: string) => void;
  /**
   * Views rendered ahead, hidden, so choosing them only shows them (the
   * popup warms its timeline once the summary is on screen: the first click
   * on it cost 110 ms of cold rendering, #17).
   */
  warm?: readonly string[];
}

/** WAI-ARIA tabs: arrow keys, Home and End move between views; the chosen panel is rendered, and warm ones hidden. */
export default function ViewTabs({ label, tabs, selected, onSelect, warm = [] }: ViewTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next].id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];
  return (
    <>
      <div class="view-tabs" role="tablist" aria-label={label} ref={list}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`view-tab-${tab.id}`}
            class="view-tab"
            aria-selected={tab.id === current.id}
            aria-controls={`view-panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs
        .filter((tab) => tab.id === current.id || warm.includes(tab.id))
        .map((tab) => (
          <div key={tab.id} role="tabpanel" id={`view-panel-${tab.id}`} aria-labelledby={`view-tab-${tab.id}`} class="view-panel" hidden={tab.id !== current.id}>
            {tab.panel()}
          </div>
        ))}
    </>
  );
}
