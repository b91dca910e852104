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
