package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.Rule;
import io.github.ivhclient.videomake.internal.ValidationRules;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule rests on words of the API document, and the catalogue is complete: every rule the
 * spec states for a VideoMakeNoTrain payload is one of its values.
 */
class ValidationRulesTest {
  private static final Spec SPEC = Spec.load();

  @Test
  void everyRuleHasAnIdPathsAndASource() {
    assertThat(ValidationRules.ALL).isNotEmpty().doesNotHaveDuplicates();
    for (Rule rule : ValidationRules.ALL) {
      assertThat(rule.id()).as("id of %s", rule).isNotBlank();
      assertThat(rule.paths()).as("paths of %s", rule.id()).isNotEmpty().allMatch(p -> !p.isBlank());
      assertThat(rule.source()).as("the document's words behind %s at %s", rule.id(), rule.paths())
          .isNotBlank().hasSizeGreaterThan(12);
      if (rule.wireFormat()) {
        assertThat(rule.severity()).as("a wire-format rule is an error").isEqualTo(ValidationIssue.Severity.ERROR);
      }
    }
  }

  @Test
  void everyRuleConstantIsInTheTable() throws IllegalAccessException {
    List<Object> constants = new java.util.ArrayList<>();
    for (Field field : ValidationRules.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Rule.class) {
        constants.add(field.get(null));
      }
    }
    assertThat(ValidationRules.ALL).containsExactlyInAnyOrderElementsOf(
        constants.stream().map(Rule.class::cast).toList());
  }

  /** A constraint added to the spec without a rule (and so without the document's words) fails here. */
  @Test
  void everyConstraintOfTheSpecOnThePayloadIsACataloguedRule() {
    List<SpecConstraints.Constraint> constraints = SpecConstraints.ofRequest(SPEC, SPEC.operation("videoMakeNoTrain"))
        .stream().filter(c -> c.path().startsWith("Payload.")).toList();
    assertThat(constraints).hasSizeGreaterThan(20);
    for (SpecConstraints.Constraint constraint : constraints) {
      String id = constraint.condition() == null ? clientId(constraint)
          : constraint.condition().equals("DriverType=Text") ? "requiredWhenText" : "requiredWhenOriginalVoice";
      assertThat(ValidationRules.find(id, constraint.path()))
          .as("a rule %s at %s (from the spec's %s)", id, constraint.path(), constraint.key()).isPresent();
    }
  }

  private static String clientId(SpecConstraints.Constraint constraint) {
    return constraint.keyword().equals("pattern") && constraint.path().endsWith("Url") ? "absoluteHttpUrl"
        : constraint.keyword();
  }
}
