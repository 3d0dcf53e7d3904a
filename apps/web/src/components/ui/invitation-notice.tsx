import { CopyField, type CopyFieldLabels } from './copy-field';
import { NoticePanel } from './notice-panel';

export interface InvitationNoticeLabels {
  title: string;
  /** Explains that the link must be handed to the person (it is not e-mailed). */
  explanation: string;
  /** E.g. "De link is geldig tot 12/03/2026 14:05." — absent when the API gave no expiry. */
  expiry?: string | undefined;
  /** Shown instead of the link when the person already has a password (no link needed). */
  noLinkNeeded: string;
  dismiss: string;
  copy: CopyFieldLabels;
}

interface InvitationNoticeProps {
  url: string | null;
  labels: InvitationNoticeLabels;
  onDismiss: () => void;
}

/** The answer of an invitation: the one-time set-password link to hand over, or "no link needed". */
export function InvitationNotice({ url, labels, onDismiss }: InvitationNoticeProps) {
  return (
    <NoticePanel title={labels.title}>
      {url === null ? (
        <p>{labels.noLinkNeeded}</p>
      ) : (
        <>
          <p>{labels.explanation}</p>
          <CopyField value={url} labels={labels.copy} />
          {labels.expiry !== undefined && <p>{labels.expiry}</p>}
        </>
      )}
      <p>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {labels.dismiss}
        </button>
      </p>
    </NoticePanel>
  );
}
