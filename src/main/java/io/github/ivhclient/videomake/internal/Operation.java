package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.internal.RetryingCaller.Reply;
import io.github.ivhclient.videomake.model.ResponseHeader;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.http.POST;

/**
 * One gateway operation, described once (as Retrofit's {@code ServiceMethod} describes one
 * interface method): its OpenAPI operationId, the generated Retrofit method that sends it, how to
 * read its response envelope, whether it may be repeated, and how its payload becomes the
 * facade's result. The client, the retry loop, the exceptions and the sandbox all read it from
 * here; {@link Operations} lists them.
 *
 * @param <B> the generated request body
 * @param <T> the generated response envelope
 * @param <P> the envelope's payload
 * @param <R> what the facade returns
 */
public final class Operation<B, T, P, R> {
  private final String id;
  private final Idempotency idempotency;
  private final Class<?> service;
  private final String path;
  private final BiFunction<Object, B, Call<T>> call;
  private final Function<T, ResponseHeader> header;
  private final Function<T, P> payload;
  private final BiFunction<B, Reply<P>, R> result;

  private <S> Operation(String id, Idempotency idempotency, Class<S> service, BiFunction<S, B, Call<T>> call,
      Function<T, ResponseHeader> header, Function<T, P> payload, BiFunction<B, Reply<P>, R> result) {
    this.id = Objects.requireNonNull(id, "id");
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    this.service = service;
    this.path = postPath(service, id);
    this.call = (instance, body) -> call.apply(service.cast(instance), body);
    this.header = header;
    this.payload = payload;
    this.result = result;
  }

  /**
   * An operation sent by the generated method {@code service.<id>} (the generator names each
   * method after its operationId): {@code call} invokes it on a Retrofit instance of
   * {@code service}; {@code header} and {@code payload} read the answer's envelope, and
   * {@code result} turns the payload into what the facade returns, knowing the request sent.
   */
  public static <S, B, T, P, R> Operation<B, T, P, R> of(String id, Idempotency idempotency, Class<S> service,
      BiFunction<S, B, Call<T>> call, Function<T, ResponseHeader> header, Function<T, P> payload,
      BiFunction<B, Reply<P>, R> result) {
    return new Operation<>(id, idempotency, service, call, header, payload, result);
  }

  /** The OpenAPI operationId, e.g. {@code videoMakeNoTrain}: the name exceptions and attempt events carry. */
  public String id() {
    return id;
  }

  public Idempotency idempotency() {
    return idempotency;
  }

  /** The generated Retrofit interface that declares the operation. */
  public Class<?> service() {
    return service;
  }

  /** The absolute request path, as the generated interface's {@code @POST} declares it. */
  public String path() {
    return path;
  }

  /** The call for {@code body}, on the Retrofit instance of {@link #service()}. */
  public Call<T> call(Object serviceInstance, B body) {
    return call.apply(serviceInstance, body);
  }

  public ResponseHeader header(T envelope) {
    return header.apply(envelope);
  }

  public P payload(T envelope) {
    return payload.apply(envelope);
  }

  /** The facade's result of a successful call; may throw the call's {@code IvhException}. */
  public R result(B body, Reply<P> reply) {
    return result.apply(body, reply);
  }

  @Override
  public String toString() {
    return id;
  }

  private static String postPath(Class<?> service, String id) {
    List<Method> methods = Arrays.stream(service.getMethods()).filter(m -> m.getName().equals(id)).toList();
    POST post = methods.size() == 1 ? methods.get(0).getAnnotation(POST.class) : null;
    if (post == null) {
      throw new IllegalStateException(service.getName() + " has no single @POST method " + id);
    }
    String path = post.value();
    return path.startsWith("/") ? path : "/" + path;
  }
}
