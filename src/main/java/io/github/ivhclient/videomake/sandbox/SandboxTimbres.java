package io.github.ivhclient.videomake.sandbox;

import io.github.ivhclient.videomake.model.DescribeTimbrePayload;
import io.github.ivhclient.videomake.model.PurchaseType;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import io.github.ivhclient.videomake.model.TimbreAssetDetail.SupportDriverTypesEnum;
import io.github.ivhclient.videomake.model.TimbreAssetDetail.TimbreGenderEnum;
import io.github.ivhclient.videomake.model.TimbreAssetDetail.TimbreTypeEnum;
import java.util.List;
import java.util.Locale;

/** The sandbox's fixed timbre list and the describetimbre filters over it. */
final class SandboxTimbres {
  static final String MULTI_EMOTION_KEY = "female_emotion_1";
  static final List<String> KEYS = List.of("female_1", "female_2", "male_1", "male_2", "male_3", MULTI_EMOTION_KEY);

  private SandboxTimbres() {}

  /** Fresh (mutable, generated) models, so no caller can change the sandbox's list. */
  static List<TimbreAssetDetail> all() {
    return List.of(
        timbre("female_1", "Sandbox Female 1", TimbreGenderEnum.FEMALE, TimbreTypeEnum.BOUTIQUE, List.of("zh-CN")),
        timbre("female_2", "Sandbox Female 2", TimbreGenderEnum.FEMALE, TimbreTypeEnum.SAMPLE_BASIC, List.of("zh-CN", "en-US")),
        timbre("male_1", "Sandbox Male 1", TimbreGenderEnum.MALE, TimbreTypeEnum.BOUTIQUE, List.of("zh-CN")),
        timbre("male_2", "Sandbox Male 2", TimbreGenderEnum.MALE, TimbreTypeEnum.SAMPLE_BASIC, List.of("en-US")),
        timbre("male_3", "Sandbox Male 3", TimbreGenderEnum.MALE, TimbreTypeEnum.SAMPLE_FAST, List.of("zh-CN")),
        timbre(MULTI_EMOTION_KEY, "Sandbox Female Multi-Emotion", TimbreGenderEnum.FEMALE, TimbreTypeEnum.BOUTIQUE,
            List.of("zh-CN", "en-US"))
            .emotionalCategories(List.of("neutral", "happy", "sad", "angry")));
  }

  /** {@code TimbreKey} exact, {@code TimbreName} a case-insensitive part, {@code PurchaseType} exact. */
  static List<TimbreAssetDetail> matching(DescribeTimbrePayload filter) {
    String name = filter.getTimbreName() == null ? null : filter.getTimbreName().toLowerCase(Locale.ROOT);
    return all().stream()
        .filter(t -> filter.getTimbreKey() == null || filter.getTimbreKey().equals(t.getTimbreKey()))
        .filter(t -> name == null || t.getTimbreName().toLowerCase(Locale.ROOT).contains(name))
        .filter(t -> filter.getPurchaseType() == null || filter.getPurchaseType() == t.getPurchaseType())
        .toList();
  }

  private static TimbreAssetDetail timbre(
      String key, String name, TimbreGenderEnum gender, TimbreTypeEnum type, List<String> languages) {
    return new TimbreAssetDetail()
        .timbreKey(key)
        .timbreName(name)
        .timbreDesc("sandbox voice: no audio is synthesized")
        .timbreSample("")
        .supportVirtualmanTypeCodes(List.of())
        .supportDriverTypes(List.of(SupportDriverTypesEnum.TEXT))
        .expireDate("2099-12-31 23:59:59")
        .audioDuration(0L)
        .audioNum(0)
        .timbreGender(gender)
        .purchaseType(PurchaseType.LEASE)
        .timbreType(type)
        .timbreLanguages(languages);
  }
}
