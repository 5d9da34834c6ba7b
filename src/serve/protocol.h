// The messages between `raingan serve` and its worker host (workers.h,
// worker_host.h), over a Unix socket: a message is a list of text fields,
// written as the fields joined by TAB and ended by LF, where a field's
// backslash, TAB and LF are escaped as "\\", "\t" and "\n". Requests carry
// file paths in the server's spool directory, never file contents.
//
//   server -> host
//     extract ID INPUT NAME PIPELINE OCR DPI LAYOUT INDENT OUTDIR
//         OCR is "on", "off" or "force"; LAYOUT "0"/"1"; INDENT as
//         JsonOptions (-1 = one line). The worker writes OUTDIR/ID.json
//         (the document) or OUTDIR/ID.error (why it failed), and its
//         library messages to OUTDIR/ID.log.
//     render ID SOURCE SHA256 PAGE DPI DESKEW X0 Y0 X1 Y1 MARGIN PAGEPNG
//     CROPPNG
//         Renders page PAGE of SOURCE (checked against SHA256) at DPI into
//         PAGEPNG unless it exists, then the box (points) into CROPPNG;
//         DESKEW "1" straightens a scanned page first, as OCR did.
//     cancel ID
//   host -> server
//     ready                         models and pipeline loaded
//     fatal MESSAGE                 they could not be; the host exits
//     started ID
//     progress ID PAGES_DONE PAGES_TOTAL OCR_DONE OCR_TOTAL
//     done ID ok|failed MESSAGE     MESSAGE: why it failed, else empty
#ifndef RAINGAN_SERVE_PROTOCOL_H_
#define RAINGAN_SERVE_PROTOCOL_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace raingan::serve {

using Message = std::vector<std::string>;

std::string EncodeMessage(const Message& fields);

// Moves the complete messages at the front of `buffer` out of it; a
// partial last message stays for the next read.
std::vector<Message> TakeMessages(std::string* buffer);

// Writes all of `data` to `fd` (retrying short writes and EINTR). A closed
// peer is an error (EPIPE), never a SIGPIPE.
Status WriteFully(int fd, std::string_view data);

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_PROTOCOL_H_
