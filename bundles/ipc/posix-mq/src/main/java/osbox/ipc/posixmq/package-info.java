/**
 * POSIX message queues (mq_overview(7)) as a bundle of system-call
 * handlers: {@link osbox.ipc.posixmq.MqNamespace} holds the queues by name,
 * their limits and their accounting; each call is its own handler
 * component; a queue descriptor is an {@link osbox.ipc.posixmq.MqFile}.
 * Private: nothing is exported.
 */
package osbox.ipc.posixmq;
