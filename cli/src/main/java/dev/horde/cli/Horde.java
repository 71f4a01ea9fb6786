package dev.horde.cli;

import dev.horde.internal.merge.MergeCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar horde-cli.jar}: {@code run} runs load tests from a test class path, {@code merge} merges the
 * reports of a load test's segments and judges its budgets.
 */
public final class Horde {

    /** What {@code --help} prints. */
    static final String USAGE = """
            usage: java -jar horde-cli.jar <command> [options]

            commands:
              run     runs load tests from a test class path (JUnit's Console Launcher with Horde's settings)
              merge   merges the reports of a load test's segments and judges its budgets on the whole

            java -jar horde-cli.jar <command> --help tells more.
            """;

    private Horde() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the command {@code args} name; returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? MergeCommand.REFUSED : 0;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "run" -> RunCommand.run(rest, out, err);
            case "merge" -> MergeCommand.run(rest, out, err);
            default -> {
                err.print("horde: unknown command " + args.get(0) + "\n\n" + USAGE);
                yield MergeCommand.REFUSED;
            }
        };
    }
}
