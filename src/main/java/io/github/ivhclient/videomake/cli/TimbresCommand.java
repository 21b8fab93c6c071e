package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.TimbreFilter;
import io.github.ivhclient.videomake.model.PurchaseType;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "timbres", mixinStandardHelpOptions = true,
    description = "List the timbres (voices) of the account: key, name, gender, languages, emotions.")
final class TimbresCommand implements Callable<Integer> {
  private static final String[] HEADINGS = {"KEY", "NAME", "GENDER", "LANGUAGES", "EMOTIONS"};

  @ParentCommand
  private IvhCli cli;

  @Option(names = "--key", paramLabel = "TIMBRE_KEY", description = "Only this TimbreKey (exact).")
  private String key;

  @Option(names = "--name", paramLabel = "TEXT", description = "Only names containing this text (the gateway matches fuzzily).")
  private String name;

  @Option(names = "--purchase-type", paramLabel = "TYPE", description = "Lease or Custom.",
      converter = WireEnumConverter.PurchaseTypes.class)
  private PurchaseType purchaseType;

  @Option(names = "--json", description = "Print the TimbreAssets as the gateway sends them.")
  private boolean json;

  @Override
  public Integer call() {
    TimbreFilter filter = TimbreFilter.builder().timbreKey(key).timbreName(name).purchaseType(purchaseType).build();
    List<TimbreAssetDetail> timbres;
    try (IvhClient client = cli.client()) {
      timbres = client.timbres(filter).toList();
    }
    if (json) {
      cli.out().println(JsonOutput.timbres(timbres));
    } else {
      table(cli.out(), timbres);
    }
    return ExitCode.OK;
  }

  private static void table(PrintStream out, List<TimbreAssetDetail> timbres) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADINGS);
    for (TimbreAssetDetail t : timbres) {
      rows.add(new String[] {
          text(t.getTimbreKey()),
          text(t.getTimbreName()),
          gender(t),
          join(t.getTimbreLanguages()),
          join(t.getEmotionalCategories())});
    }
    int[] widths = new int[HEADINGS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.println(timbres.size() + (timbres.size() == 1 ? " timbre" : " timbres"));
  }

  private static String gender(TimbreAssetDetail t) {
    if (t.getTimbreGender() == null) {
      return "-";
    }
    return switch (t.getTimbreGender()) {
      case MALE -> "male";
      case FEMALE -> "female";
      default -> "-";
    };
  }

  private static String text(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  private static String join(List<String> values) {
    return values == null || values.isEmpty() ? "-" : String.join(",", values);
  }
}
