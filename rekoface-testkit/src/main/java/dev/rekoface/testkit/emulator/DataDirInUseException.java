package dev.rekoface.testkit.emulator;

import dev.rekoface.RekofaceException;
import java.nio.file.Path;

/**
 * A data directory is locked by another process (or another emulator or local stack in this one): two writers would
 * lose each other's data, so the second is refused. Talk to the running one through its endpoint instead.
 */
public final class DataDirInUseException extends RekofaceException {
    private static final long serialVersionUID = 1L;

    private final transient Path dataDir;

    /**
     * Creates the refusal for a directory.
     *
     * @param dataDir the directory someone else holds
     */
    DataDirInUseException(Path dataDir) {
        super("the data directory " + dataDir + " is in use by another rekoface process (`rekoface local`, a rekoface "
            + "emulator or a program running one): talk to it through its endpoints (rekoface --endpoint URL --s3-endpoint URL, "
            + "aws --endpoint-url URL), or use another --data-dir");
        this.dataDir = dataDir;
    }

    /** Returns the directory that is in use. */
    public Path dataDir() {
        return dataDir;
    }
}
