package ru.otklik.posts;

/**
 * ЦУР decided on a draft or a version of it that is no longer the one at ЦУР (a retried decision on an earlier draft,
 * or a version read before a rework); nothing was changed.
 *
 * @see PostManagement#curDecisionFromCur(long, boolean, String, Long, Integer)
 */
public class DraftChanged extends RuntimeException {

    private final long draftId;
    private final int version;

    public DraftChanged(long draftId, int version) {
        super("the draft at ЦУР is " + draftId + " version " + version);
        this.draftId = draftId;
        this.version = version;
    }

    /** The id of the draft at ЦУР now. */
    public long draftId() {
        return draftId;
    }

    /** Its version at ЦУР now. */
    public int version() {
        return version;
    }
}
