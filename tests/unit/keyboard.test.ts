import { describe, expect, it } from 'vitest';
import { keyCommand } from '../../lib/content/keyboard';

const key = (init: KeyboardEventInit, target?: Element) => {
  const event = new KeyboardEvent('keydown', { bubbles: true, ...init });
  if (target) Object.defineProperty(event, 'target', { value: target });
  return keyCommand(event);
};

describe('keyboard commands', () => {
  it('maps Alt+Shift+arrows and Escape', () => {
    expect(key({ key: 'ArrowRight', altKey: true, shiftKey: true })).toBe('next');
    expect(key({ key: 'ArrowLeft', altKey: true, shiftKey: true })).toBe('previous');
    expect(key({ key: 'Escape' })).toBe('close');
  });

  it('leaves other keys to the page', () => {
    expect(key({ key: 'ArrowRight' })).toBeNull();
    expect(key({ key: 'ArrowRight', altKey: true })).toBeNull();
    expect(key({ key: 'ArrowRight', altKey: true, shiftKey: true, ctrlKey: true })).toBeNull();
    expect(key({ key: 'Tab' })).toBeNull();
  });

  it('leaves Alt+Shift+arrows to text fields', () => {
    const input = document.createElement('input');
    document.body.append(input);
    expect(key({ key: 'ArrowRight', altKey: true, shiftKey: true }, input)).toBeNull();
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    document.body.append(editable);
    expect(key({ key: 'ArrowLeft', altKey: true, shiftKey: true }, editable)).toBeNull();
  });
});

describe('typing targets', () => {
  it('leaves Alt+Shift+arrows to script-made text boxes (role textbox, searchbox, combobox)', () => {
    for (const role of ['textbox', 'searchbox', 'combobox']) {
      const box = document.createElement('div');
      box.setAttribute('role', role);
      box.tabIndex = 0;
      document.body.append(box);
      expect(key({ key: 'ArrowRight', altKey: true, shiftKey: true }, box), role).toBeNull();
    }
  });

  it('looks at the focused element inside a page component’s shadow root, not only at its host', () => {
    const host = document.createElement('comment-box');
    document.body.append(host);
    const input = document.createElement('input');
    host.attachShadow({ mode: 'open' }).append(input);
    input.focus();
    // At the document the event's target is the host; the field is inside.
    expect(key({ key: 'ArrowRight', altKey: true, shiftKey: true }, host)).toBeNull();
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    expect(key({ key: 'ArrowRight', altKey: true, shiftKey: true }, button)).toBe('next');
  });
});
