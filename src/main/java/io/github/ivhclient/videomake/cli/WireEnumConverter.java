package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.model.PurchaseType;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.ConcurrencyTypeEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.DriverTypeEnum;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a generated enum by its wire spelling ({@code OriginalVoice}), case-insensitively; the
 * generator's fallback constant for unknown values is not something a user may pick.
 */
class WireEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  /** How OpenAPI Generator names the constant that stands for values it does not know. */
  private static final String GENERATED_FALLBACK = "unknown_default_open_api";

  private final List<E> choices;
  private final Function<E, String> wire;

  WireEnumConverter(E[] values, Function<E, String> wire) {
    this.choices = Arrays.stream(values)
        .filter(v -> !v.name().toLowerCase(Locale.ROOT).endsWith(GENERATED_FALLBACK))
        .toList();
    this.wire = wire;
  }

  @Override
  public E convert(String value) {
    for (E choice : choices) {
      if (wire.apply(choice).equalsIgnoreCase(value.trim())) {
        return choice;
      }
    }
    throw new TypeConversionException("'" + value + "' is not "
        + choices.stream().map(wire).collect(Collectors.joining(" or ")));
  }

  static final class DriverTypes extends WireEnumConverter<DriverTypeEnum> {
    DriverTypes() {
      super(DriverTypeEnum.values(), DriverTypeEnum::getValue);
    }
  }

  static final class ConcurrencyTypes extends WireEnumConverter<ConcurrencyTypeEnum> {
    ConcurrencyTypes() {
      super(ConcurrencyTypeEnum.values(), ConcurrencyTypeEnum::getValue);
    }
  }

  static final class PurchaseTypes extends WireEnumConverter<PurchaseType> {
    PurchaseTypes() {
      super(PurchaseType.values(), PurchaseType::getValue);
    }
  }
}
