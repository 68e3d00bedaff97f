package ru.otklik.posts;

/** What an attachment (вложение) is kept with. */
public enum AttachmentKind {
    /** Evidence of the post itself, e.g. a screenshot of it: the org specialists, or ЦУР through the API. */
    POST,
    /** A document of a draft answer, e.g. the request letter that justifies an intermediate answer. */
    DRAFT,
    /** Evidence of the posted answer, e.g. a screenshot of it as published. */
    ANSWER
}
