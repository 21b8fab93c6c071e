package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.internal.ModelProperties.Property;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Wire paths ({@code Payload.VideoParam.DisableIntervals[1].EndTime}), the way every issue names a field. */
final class WirePaths {
  /** The path of the request payload itself. */
  static final String ROOT = "Payload";

  private WirePaths() {}

  /** A Bean Validation property path of a payload, spelled with the wire names of the generated fields. */
  static String of(Path propertyPath) {
    StringBuilder path = new StringBuilder(ROOT);
    Class<?> bean = VideoMakeNoTrainPayload.class;
    for (Path.Node node : propertyPath) {
      if (node.isInIterable() && node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        Property property = bean == null ? null : ModelProperties.byJavaName(bean, node.getName());
        path.append('.').append(property == null ? node.getName() : property.wireName());
        bean = property == null ? null : property.valueType();
      }
    }
    return path.toString();
  }
}
