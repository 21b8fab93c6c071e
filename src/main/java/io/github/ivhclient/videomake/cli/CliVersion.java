package io.github.ivhclient.videomake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code ivh --version}: the version Maven wrote into {@code ivh-version.properties}, or a marker
 * when the resource was not filtered (classes compiled outside Maven). Not the manifest's
 * Implementation-Version: in the runnable jar that would be every bundled library's version too.
 */
final class CliVersion implements CommandLine.IVersionProvider {
  static final String RESOURCE = "ivh-version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"ivh " + version()};
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = CliVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // An unreadable resource is the same as a missing one: the marker below.
    }
    String version = properties.getProperty("version", "");
    return version.isBlank() || version.contains("${") ? "(development build)" : version.strip();
  }
}
