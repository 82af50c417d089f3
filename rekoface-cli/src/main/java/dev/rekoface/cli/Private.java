package dev.rekoface.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/** Files and directories private to the user: 0700 directories and 0600 files where the file system is POSIX. */
final class Private {
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private Private() {
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates a directory and its missing parents; the directory itself is made 0700 (also when it already existed).
     *
     * @param dir the directory
     * @return the directory
     * @throws IOException if it cannot be created
     */
    static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix()) {
            Files.setPosixFilePermissions(dir, DIR);
        }
        return dir;
    }

    /**
     * Creates an empty file readable and writable by the user only, or makes an existing one so.
     *
     * @param file the file
     * @return the file
     * @throws IOException if it cannot be created
     */
    static Path create(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } else if (posix()) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return file;
    }

    /**
     * Takes group and other permissions away from everything under a directory (files 0600, directories 0700), for a
     * data directory written before it was private. Symbolic links are not followed.
     *
     * @param dir the directory
     * @throws IOException if it cannot be walked
     */
    static void restrictTree(Path dir) throws IOException {
        if (!posix()) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> want = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? DIR : FILE;
                if (!want.containsAll(perms)) {
                    perms.retainAll(want);
                    Files.setPosixFilePermissions(p, perms);
                }
            }
        }
    }
}
