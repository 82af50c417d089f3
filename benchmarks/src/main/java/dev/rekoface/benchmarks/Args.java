package dev.rekoface.benchmarks;

/** Reads {@code --name value} flags of the benchmark programs. */
public final class Args {
    private Args() {
    }

    /** Returns an integer flag, or the default. */
    public static int intArg(String[] args, String name, int dflt) {
        String v = strArg(args, name, null);
        return v == null ? dflt : Integer.parseInt(v);
    }

    /** Returns a text flag, or the default. */
    public static String strArg(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
