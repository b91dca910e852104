export interface PopupStateProps {
  message: string;
  detail?: string;
}

/** A one-line state of the popup (not an article page, not answering...). */
export default function PopupState({ message, detail }: PopupStateProps) {
  return (
    <div class="state" role="status" data-testid="popup-state">
      <p class="state__message">{message}</p>
      {detail && <p class="state__detail">{detail}</p>}
    </div>
  );
}
