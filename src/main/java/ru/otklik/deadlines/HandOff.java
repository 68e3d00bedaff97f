package ru.otklik.deadlines;

/**
 * A notification as a live page announces it: a toast with a link to act, and a browser notification when the person
 * allowed them.
 *
 * @param id          the notification's id, also the live event's id a page catches up from
 * @param text        the notification's Russian line, as the notifications page shows it
 * @param detail      the reason of a return or a comment's text, or {@code null}
 * @param link        where to act, or {@code null}
 * @param urgent      whether the post's nearest open clock has under {@link HandOffFeed#URGENT_MINUTES} minutes left
 *                    (or has run out): such a hand-off may sound
 */
public record HandOff(long id, String text, String detail, String link, boolean urgent) {}
