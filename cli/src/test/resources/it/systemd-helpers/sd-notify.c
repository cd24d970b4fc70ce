/* systemd-notify for an image without one: sends its arguments, one a line, as one datagram to
 * $NOTIFY_SOCKET. SystemdIT builds it static, so that it runs in the busybox image from a hostPath
 * volume. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(int argc, char **argv) {
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path) {
        fprintf(stderr, "no NOTIFY_SOCKET\n");
        return 1;
    }
    char msg[4096] = "";
    for (int i = 1; i < argc; i++) {
        if (i > 1)
            strncat(msg, "\n", sizeof msg - strlen(msg) - 1);
        strncat(msg, argv[i], sizeof msg - strlen(msg) - 1);
    }
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    if (fd < 0 || sendto(fd, msg, strlen(msg), 0, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror(path);
        return 1;
    }
    return 0;
}
