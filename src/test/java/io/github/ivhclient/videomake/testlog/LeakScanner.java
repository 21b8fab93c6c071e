package io.github.ivhclient.videomake.testlog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text: the literal secret values the tests use (also URL-encoded), and any
 * {@code appkey}, {@code signature} or {@code ivh_token} query parameter whose value is not masked
 * (signatures differ per request, so they are recognized by where they stand).
 */
public final class LeakScanner {
  private static final Pattern UNMASKED_PARAMETER =
      Pattern.compile("(?i)[?&](appkey|signature|ivh_token)=(?!\\*\\*\\*\\*)([^&#\\s\"]+)");

  private final Set<String> secrets = new LinkedHashSet<>();

  public LeakScanner(List<String> secretValues) {
    for (String secret : secretValues) {
      secrets.add(secret);
      secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }
  }

  public static LeakScanner forTestSecrets() {
    return new LeakScanner(List.of(TestSecrets.APP_KEY, TestSecrets.ACCESS_TOKEN));
  }

  /** What leaks in {@code text}: empty when nothing does. */
  public List<String> find(String text) {
    List<String> found = new ArrayList<>();
    for (String secret : secrets) {
      if (text.contains(secret)) {
        found.add("secret value " + secret.substring(0, 2) + "…");
      }
    }
    Matcher m = UNMASKED_PARAMETER.matcher(text);
    while (m.find()) {
      found.add("unmasked " + m.group(1) + " parameter");
    }
    return found;
  }
}
