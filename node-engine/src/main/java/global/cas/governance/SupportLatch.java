package global.cas.governance;

import global.cas.params.GovernanceParams;
import java.util.OptionalLong;

/**
 * G32, G33, G34: a proposal's latched support thresholds. Once support is strictly above the
 * response support the committee owes a response within the window; once strictly above the
 * referendum support the referendum stands. Neither ever unlatches. Times are milliseconds.
 *
 * @param responseDueSince when the response obligation latched, if it has
 * @param referendumSince when the referendum latched, if it has
 */
public record SupportLatch(OptionalLong responseDueSince, OptionalLong referendumSince) {

    /** Nothing latched yet. */
    public static SupportLatch none() {
        return new SupportLatch(OptionalLong.empty(), OptionalLong.empty());
    }

    /** The latch after observing {@code support} at time {@code now}. */
    public SupportLatch observe(long support, long now, GovernanceParams params) {
        OptionalLong response = responseDueSince;
        OptionalLong referendum = referendumSince;
        if (response.isEmpty() && support > params.responseSupport()) {
            response = OptionalLong.of(now);
        }
        if (referendum.isEmpty() && support > params.referendumSupport()) {
            referendum = OptionalLong.of(now);
        }
        return new SupportLatch(response, referendum);
    }

    /** Whether the committee owes a response (G33). */
    public boolean responseDue() {
        return responseDueSince.isPresent();
    }

    /** Whether the proposal's referendum stands (G34). */
    public boolean referendumOpened() {
        return referendumSince.isPresent();
    }

    /** The response deadline: latch time plus the window (G33); a response at it is on time. */
    public OptionalLong responseDeadline(GovernanceParams params) {
        return responseDueSince.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(Math.addExact(responseDueSince.getAsLong(), params.responseWindowMillis()));
    }

    /**
     * G33: whether the response is shown as overdue at {@code now}: no response and the deadline
     * passed, or a response that came after the deadline (late stays late forever).
     */
    public boolean overdue(long now, OptionalLong respondedAt, GovernanceParams params) {
        OptionalLong deadline = responseDeadline(params);
        if (deadline.isEmpty()) {
            return false;
        }
        long d = deadline.getAsLong();
        return respondedAt.isPresent() ? respondedAt.getAsLong() > d : now > d;
    }
}
