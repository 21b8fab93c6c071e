package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.TimbreFilter;
import io.github.ivhclient.videomake.model.PurchaseType;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "timbres", mixinStandardHelpOptions = true,
    description = {"List the timbres (voices) of the account: key, name, gender, languages, emotions.",
        "Printed page by page as the gateway answers; at most " + IvhClient.MAX_TIMBRE_PAGES + " pages."})
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
    try (IvhClient client = cli.client()) {
      Iterator<TimbreAssetDetail> timbres = client.timbres(filter).iterator();
      if (json) {
        jsonArray(cli.out(), timbres);
      } else {
        table(cli.out(), timbres);
      }
    }
    return ExitCode.OK;
  }

  /**
   * Prints the table as the pages arrive, a page's rows at a time: a column is as wide as the
   * widest value printed so far, so a later page may shift its columns right.
   */
  private static void table(PrintStream out, Iterator<TimbreAssetDetail> timbres) {
    int[] widths = new int[HEADINGS.length];
    widen(widths, HEADINGS);
    boolean headed = false;
    int count = 0;
    do {
      List<String[]> rows = new ArrayList<>();
      while (rows.size() < IvhClient.MAX_PAGE_SIZE && timbres.hasNext()) {
        rows.add(row(timbres.next()));
      }
      for (String[] row : rows) {
        widen(widths, row);
      }
      if (!headed) {
        print(out, widths, HEADINGS);
        headed = true;
      }
      for (String[] row : rows) {
        print(out, widths, row);
      }
      count += rows.size();
    } while (!out.checkError() && timbres.hasNext());
    out.println(count + (count == 1 ? " timbre" : " timbres"));
  }

  /** The JSON array, one element at a time, laid out as Moshi lays out a whole list. */
  private static void jsonArray(PrintStream out, Iterator<TimbreAssetDetail> timbres) {
    if (!timbres.hasNext()) {
      out.println("[]");
      return;
    }
    out.print("[");
    String separator = "\n";
    while (!out.checkError() && timbres.hasNext()) {
      out.print(separator + "  " + JsonOutput.timbre(timbres.next()).replace("\n", "\n  "));
      separator = ",\n";
    }
    out.println("\n]");
  }

  private static String[] row(TimbreAssetDetail t) {
    return new String[] {
        text(t.getTimbreKey()),
        text(t.getTimbreName()),
        gender(t),
        join(t.getTimbreLanguages()),
        join(t.getEmotionalCategories())};
  }

  private static void widen(int[] widths, String[] row) {
    for (int i = 0; i < row.length; i++) {
      widths[i] = Math.max(widths[i], row[i].length());
    }
  }

  private static void print(PrintStream out, int[] widths, String[] row) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
    }
    out.println(line.toString().stripTrailing());
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

  /** Gateway text, neutralised for a terminal. */
  private static String text(String value) {
    return value == null || value.isEmpty() ? "-" : TerminalText.of(value);
  }

  private static String join(List<String> values) {
    return values == null || values.isEmpty() ? "-" : TerminalText.of(String.join(",", values));
  }
}
