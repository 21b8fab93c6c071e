package io.github.ivhclient.videomake.contract;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that shares one {@link PrismServer} ({@link PrismServer#shared()}) across the
 * whole test run: the first test class that needs it starts it, JUnit closes it when the run ends
 * (pass or fail), because it is kept in the root context's store as a
 * {@link ExtensionContext.Store.CloseableResource}.
 *
 * <p>Test methods, constructors and lifecycle methods receive it as a parameter:
 *
 * <pre>{@code
 * @ExtendWith(PrismExtension.class)
 * class SomeIT {
 *   @Test
 *   void answers(PrismServer prism) { ... prism.baseUrl() ... }
 * }
 * }</pre>
 */
public final class PrismExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrismExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PrismServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  /** The run's shared Prism, started on first use. */
  public static PrismServer server(ExtensionContext context) {
    try {
      return context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(SharedPrism.class, key -> new SharedPrism(PrismServer.shared()), SharedPrism.class)
          .server();
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("Prism could not be started: " + e.getMessage(), e);
    }
  }

  /** Closed by JUnit when the root context (the whole run) ends. */
  private record SharedPrism(PrismServer server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
