/**
 * The elements the keyboard shortcuts reach, named once for the pages that render them and
 * the shortcuts that find them (a plain module: server and client components both read it).
 */
/** The queue's bulk form, which the rows' checkboxes join by their `form` attribute, and its assignee. */
export const BULK_FORM = "bulk-assign";
export const BULK_ASSIGNEE = "bulk-assign-assignee";
/** The queue's row links carry this attribute (with the case id); j and k move between them. */
export const QUEUE_CASE = "data-queue-case";
/** The case page's "assign to me" button and reply box, which `a` and `r` reach. */
export const ASSIGN_ME = "assign-me-button";
export const REPLY_BOX = "message-body";
/** The case page's text boxes a reply template may go into (the message's and the formal response's). */
export const TEMPLATE_TARGET = "data-template-target";
