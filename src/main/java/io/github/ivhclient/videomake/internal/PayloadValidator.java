package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationMode;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.util.Objects;

/**
 * Checks a VideoMakeNoTrain payload against the contract before anything is sent, and reports
 * every finding at once, each at its wire path ({@code Payload.VideoParam.DisableIntervals[1].EndTime}).
 *
 * <p>In this order: the constraints the generator put on the models ({@link BeanConstraints}),
 * the rules on single values ({@link ValueRules}, {@link UrlRules}), then every rule the generator
 * drops: the {@code DriverType} conditionals and the other rules between fields
 * ({@link CrossFieldRules}) and the SSML markup ({@link SsmlChecker}). Every finding comes from a
 * {@link Rule} of {@link ValidationRules}: an error only where a sentence of the API document
 * forbids the request. Stateless and thread-safe; {@code new PayloadValidator()} is cheap.
 */
public final class PayloadValidator {
  /** Every finding, errors refusing the request ({@link ValidationMode#ENFORCE}). */
  public ValidationReport validate(VideoMakeNoTrainPayload payload) {
    return validate(payload, ValidationMode.ENFORCE);
  }

  /**
   * The findings as {@code mode} reports them: all of them ({@code ENFORCE}), with the errors
   * turned into warnings ({@code WARN_ONLY}), or none ({@code OFF}); in every mode the errors of
   * the wire format ({@link Rule#wireFormat()}) stay errors.
   */
  public ValidationReport validate(VideoMakeNoTrainPayload payload, ValidationMode mode) {
    return findings(payload).report(Objects.requireNonNull(mode, "mode"));
  }

  private static Findings findings(VideoMakeNoTrainPayload payload) {
    Findings findings = new Findings();
    if (payload == null) {
      findings.add(ValidationRules.PAYLOAD_REQUIRED, WirePaths.ROOT, "the request payload is required", null);
      return findings;
    }
    if (ValueRules.check(payload, WirePaths.ROOT, findings)) {
      // The schema's findings come first, as when Hibernate Validator ran before the value walk.
      Findings schemaFirst = new Findings();
      BeanConstraints.check(payload, schemaFirst);
      schemaFirst.addAll(findings);
      findings = schemaFirst;
    }
    CrossFieldRules.driverTypeRules(payload, findings);
    if (payload.getInputSsml() != null) {
      for (ValidationIssue issue : SsmlChecker.check(payload.getInputSsml())) {
        findings.add(issue);
      }
    }
    CrossFieldRules.videoParamRules(payload, findings);
    return findings;
  }
}
