package global.cas.ui.notify;

import java.util.Objects;

/**
 * Something that happened and is worth telling the person, as a feature posts it.
 *
 * @param topic what kind of event it is, and also the message key prefix of its texts ({@code
 *     <topic>.summary}, with {0} the count and {1} the amount): notices of one topic that come in a
 *     burst are merged into one entry
 * @param amount base units the event brought (added up when merged), 0 when it carries none
 * @param height the block height it happened at, or -1 when it has none
 */
public record Notice(String topic, long amount, long height) {
    public Notice {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("a notice needs a topic");
        }
    }
}
