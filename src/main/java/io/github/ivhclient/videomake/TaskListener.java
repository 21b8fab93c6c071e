package io.github.ivhclient.videomake;

/**
 * Told by the waiter about each change of a task's status, queue position or progress (the
 * first answer counts as a change). Called from the client's threads: return quickly, and do not
 * block. An exception thrown here is logged and does not end the wait.
 */
@FunctionalInterface
public interface TaskListener {
  /** A no-op listener. */
  TaskListener NONE = snapshot -> {};

  void onChange(TaskSnapshot snapshot);
}
