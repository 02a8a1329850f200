package global.cas.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Lets an option stand before the subcommand as well as after it: {@code cas --datadir D status}
 * runs {@code status} on {@code D} exactly like {@code cas status --datadir D}. Every option given
 * to a parent command ({@code cas}'s own {@code --network}, {@code --datadir}, {@code --wallet},
 * {@code --lang}…) is handed to the subcommand that runs, which must take it; otherwise the command
 * line is refused with a reason ({@code --headless does not apply to 'cas status'}), never ignored.
 * The same option given twice with different values is refused too. Help requests run as they
 * are. Stateless; runs on the command's thread, before the command.
 */
public final class OptionsAnywhere implements IExecutionStrategy {
    private final IExecutionStrategy next;

    public OptionsAnywhere(IExecutionStrategy next) {
        this.next = next;
    }

    /** What a command line gave for one option, and before which command. */
    private record Given(String command, String text, Object value) {}

    @Override
    public int execute(ParseResult parseResult) {
        List<ParseResult> chain = new ArrayList<>();
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            chain.add(p);
        }
        ParseResult last = chain.get(chain.size() - 1);
        if (chain.size() > 1 && !helpAsked(chain)) {
            hand(chain.subList(0, chain.size() - 1), last);
        }
        return next.execute(parseResult);
    }

    private static boolean helpAsked(List<ParseResult> chain) {
        for (ParseResult p : chain) {
            if (p.isUsageHelpRequested()
                    || p.isVersionHelpRequested()
                    || p.commandSpec().userObject() instanceof HelpCommand) {
                return true;
            }
        }
        return false;
    }

    private static void hand(List<ParseResult> parents, ParseResult last) {
        CommandSpec target = last.commandSpec();
        CommandLine where = target.commandLine();
        Map<String, Given> given = new LinkedHashMap<>();
        for (ParseResult p : parents) {
            for (OptionSpec o : p.matchedOptions()) {
                String name = o.longestName();
                Given now = new Given(p.commandSpec().qualifiedName(), text(o), o.getValue());
                Given before = given.putIfAbsent(name, now);
                if (before != null && !same(before.value(), now.value())) {
                    throw twice(where, name, before, now);
                }
            }
        }
        for (Map.Entry<String, Given> e : given.entrySet()) {
            String name = e.getKey();
            Given g = e.getValue();
            OptionSpec there = target.findOption(name);
            if (there == null) {
                throw new ParameterException(
                        where,
                        name + " does not apply to '" + target.qualifiedName() + "'; give it only with a command that"
                                + " takes it");
            }
            OptionSpec after = last.matchedOption(name);
            if (after != null) {
                if (!same(g.value(), after.getValue())) {
                    throw twice(where, name, g, new Given(target.qualifiedName(), text(after), after.getValue()));
                }
            } else {
                there.setValue(g.value());
            }
        }
    }

    private static ParameterException twice(CommandLine where, String name, Given first, Given second) {
        return new ParameterException(
                where,
                name + " was given twice with different values, '" + first.text() + "' (with '" + first.command()
                        + "') and '" + second.text() + "' (with '" + second.command() + "'); give it once");
    }

    private static String text(OptionSpec o) {
        List<String> raw = o.originalStringValues();
        return raw.isEmpty() ? String.valueOf(o.getValue()) : String.join(" ", raw);
    }

    /** Equal values; two paths are equal when they name the same place. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Path p && b instanceof Path q) {
            return p.toAbsolutePath().normalize().equals(q.toAbsolutePath().normalize());
        }
        return Objects.equals(a, b);
    }
}
