package nl.expertpool.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded PostgreSQL's passwords: random, made once, kept in a file only its owner may read or
 * write (mode 0600), beside the data they protect.
 */
record DatabasePasswordFile(String superuserPassword, String appPassword) {

  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SUPERUSER = "superuser.password";
  private static final String APP = "app.password";

  /** The passwords in the file; new ones, written to it first, when there is none. */
  static DatabasePasswordFile loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        ownerOnly(file);
        var stored = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
          stored.load(in);
        }
        String superuser = stored.getProperty(SUPERUSER);
        String app = stored.getProperty(APP);
        if (superuser == null || superuser.isBlank() || app == null || app.isBlank()) {
          throw new StartupProblem(
              "The file %s lacks the embedded PostgreSQL's passwords.".formatted(file),
              "Restore the file, or delete the data folder to start afresh.");
        }
        return new DatabasePasswordFile(superuser, app);
      }
      var made = new DatabasePasswordFile(random(), random());
      var stored = new Properties();
      stored.setProperty(SUPERUSER, made.superuserPassword());
      stored.setProperty(APP, made.appPassword());
      Path written = create(file);
      try (Writer out = Files.newBufferedWriter(written)) {
        stored.store(out, "Passwords of the embedded PostgreSQL: keep this file with the data");
      }
      return made;
    } catch (IOException e) {
      throw new StartupProblem(
          "Cannot read or write the embedded PostgreSQL's passwords in %s: %s"
              .formatted(file, e.getMessage()),
          "Set EXPERTPOOL_DATA_DIR to a folder this user can write.",
          e);
    }
  }

  /** A file with only the superuser's password, as {@code initdb --pwfile} reads it. */
  Path superuserPasswordFile(Path folder) {
    try {
      Path file = create(folder.resolve(".initdb-password-" + Long.toHexString(RANDOM.nextLong())));
      Files.writeString(file, superuserPassword() + System.lineSeparator());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path create(Path file) throws IOException {
    if (!posix()) {
      return Files.createFile(file);
    }
    FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    return Files.createFile(file, mode);
  }

  private static void ownerOnly(Path file) throws IOException {
    if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "DatabasePasswordFile[hidden]";
  }
}
