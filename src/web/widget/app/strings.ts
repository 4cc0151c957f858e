/** Every word the widget shows; a store overrides them (item 3 of issue 17 adds that through settings). */
export const defaultStrings = {
  title: 'Chat with us',
  open: 'Open the chat',
  close: 'Close the chat',
  greeting: 'Hi! Ask us about an order, a return or a product.',
  placeholder: 'Write a message…',
  inputLabel: 'Your message',
  send: 'Send',
  you: 'You',
  assistant: 'Assistant',
  person: 'Store team',
  typing: 'The assistant is writing…',
  sending: 'Sending…',
  queued: 'Waiting for the connection; it will be sent when you are back online.',
  offline: 'You are offline. Messages you write are sent when the connection is back.',
  reconnecting: 'Reconnecting…',
  handoff: 'A person from the store will answer here. Leave your e-mail if you would like the answer by e-mail too.',
  emailLabel: 'Your e-mail',
  emailSend: 'Send my e-mail',
  emailThanks: 'Thank you. We will also write to {email}.',
  emailInvalid: 'That does not look like an e-mail address.',
  failed: 'This message could not be sent: {reason}',
  conversationLog: 'Conversation',
};

export type WidgetStrings = typeof defaultStrings;
