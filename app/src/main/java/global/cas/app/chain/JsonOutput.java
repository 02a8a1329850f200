package global.cas.app.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.time.Instant;

/** Printing helpers shared by the chain commands. Stateless. */
public final class JsonOutput {
    private JsonOutput() {}

    public static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always prints", e);
        }
        out.flush();
    }

    /** Milliseconds since 1970 as an ISO instant. */
    public static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
