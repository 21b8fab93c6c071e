package io.github.ivhclient.videomake.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code ivh validate [--json] FILE} recognised without picocli: loading picocli and
 * building its model of the command took about as long as the validation itself, and its classes
 * (Java 5 bytecode) cannot go into the launcher's class-data archive. Only these exact forms are
 * recognised; anything else (help, {@code --}, {@code @argfiles}, an unknown or repeated option, a
 * second file, {@code --verbose} whose stack traces name picocli's frames) returns null and picocli
 * parses the line, so its output and exit code stay picocli's.
 */
record PlainValidate(boolean json, Path file) {
  /** The plain validate command line in {@code args}, or null when picocli must parse it. */
  static PlainValidate parse(String[] args) {
    if (args.length == 0 || !args[0].equals("validate")) {
      return null;
    }
    boolean json = false;
    String file = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--json") && !json) {
        json = true;
      } else if (file == null && !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@') {
        file = arg;
      } else {
        return null;
      }
    }
    if (file == null) {
      return null;
    }
    try {
      return new PlainValidate(json, Path.of(file));
    } catch (InvalidPathException e) {
      return null; // picocli says how the argument is wrong
    }
  }
}
