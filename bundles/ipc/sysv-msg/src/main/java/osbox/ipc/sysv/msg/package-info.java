/**
 * System V message queues as Linux's ipc/msg.c: {@link
 * osbox.ipc.sysv.msg.MsgQueues} (the table of queues and its limits, a
 * component configured through Config Admin) and one system-call handler
 * component each for msgget, msgsnd, msgrcv and msgctl.
 */
package osbox.ipc.sysv.msg;
