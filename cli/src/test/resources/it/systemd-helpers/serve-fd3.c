/* A server that never opens a socket: it answers on the listening socket systemd's socket activation
 * handed it as fd 3, and only when LISTEN_FDS and LISTEN_PID say that socket is its own. SystemdIT
 * builds it static, so that it runs in the busybox image from a hostPath volume. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static void leave(int sig) { _exit(0); }

int main(void) {
    /* pid 1 of its namespace: SIGTERM would be ignored without a handler */
    signal(SIGTERM, leave);
    const char *fds = getenv("LISTEN_FDS"), *pid = getenv("LISTEN_PID"), *names = getenv("LISTEN_FDNAMES");
    if (!fds || !pid || atoi(fds) != 1 || atoi(pid) != getpid()) {
        fprintf(stderr, "not socket-activated: LISTEN_FDS=%s LISTEN_PID=%s, pid %d\n", fds ? fds : "-",
                pid ? pid : "-", (int)getpid());
        return 1;
    }
    for (;;) {
        int c = accept(3, NULL, NULL);
        if (c < 0) {
            perror("accept on fd 3");
            return 1;
        }
        char msg[256];
        int n = snprintf(msg, sizeof msg, "served on fd 3, named %s\n", names ? names : "-");
        if (write(c, msg, n) != n)
            perror("write");
        close(c);
    }
}
