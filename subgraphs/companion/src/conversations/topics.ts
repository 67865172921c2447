/** Bus topics of the companion: one per conversation for reply pieces, one per person for safety. */
export const replyTopic = (conversationId: string) => `companion.reply.${conversationId}`;
export const safetyTopic = (ownerId: string) => `companion.safety.${ownerId}`;

export interface ReplyPiece {
  ownerId: string;
  conversationId: string;
  messageId: string;
  index: number;
  delta: string;
  done: boolean;
}
