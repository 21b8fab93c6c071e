package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.IvhException;

/** Whether repeating a request can do harm: decides what may be retried and what a failure says. */
public enum Idempotency {
  /** getprogress, describetimbre: any transient failure may be retried. */
  READ_ONLY,
  /** VideoMakeNoTrain: retried only when the request provably never reached the server. */
  NOT_IDEMPOTENT;

  /**
   * What a failure that may have reached the server means for the caller, appended to its
   * message: for a call that creates a task, that the task may exist; else nothing.
   */
  public String uncertainty() {
    return this == NOT_IDEMPOTENT ? "; the task may or may not have been created" : "";
  }

  /**
   * The idempotency of the operation with this OpenAPI operationId, for the {@link IvhException}
   * constructors that take only the name; an id no operation has is read-only.
   */
  public static Idempotency of(String operationId) {
    Operation<?, ?, ?, ?> operation = Operations.byId(operationId);
    return operation == null ? READ_ONLY : operation.idempotency();
  }
}
