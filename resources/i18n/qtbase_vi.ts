<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Vietnamese for the strings Qt itself shows (Qt ships no qtbase_vi): its buttons, the text
     boxes' menus, the file, folder, print, page setup and print preview dialogs. Compiled to
     qtbase_vi.qm by tools/build_qt.py; loaded at start by cchc_desktop/ui/app.py. Sources and
     contexts are Qt's own (qfiledialog.ui, qprintpreviewdialog.cpp, qwidgettextcontrol.cpp…);
     paper names (A4, Letter…) and keys (Alt+Left) stay as Qt writes them. -->
<TS version="2.1" language="vi_VN">
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>Đồng ý</translation></message>
    <message><source>Save</source><translation>Lưu</translation></message>
    <message><source>Save All</source><translation>Lưu tất cả</translation></message>
    <message><source>Open</source><translation>Mở</translation></message>
    <message><source>&amp;Yes</source><translation>&amp;Có</translation></message>
    <message><source>Yes to &amp;All</source><translation>Có với &amp;tất cả</translation></message>
    <message><source>&amp;No</source><translation>&amp;Không</translation></message>
    <message><source>N&amp;o to All</source><translation>K&amp;hông với tất cả</translation></message>
    <message><source>Abort</source><translation>Hủy bỏ</translation></message>
    <message><source>Retry</source><translation>Thử lại</translation></message>
    <message><source>Ignore</source><translation>Bỏ qua</translation></message>
    <message><source>Close</source><translation>Đóng</translation></message>
    <message><source>Cancel</source><translation>Hủy</translation></message>
    <message><source>Discard</source><translation>Không lưu</translation></message>
    <message><source>Help</source><translation>Trợ giúp</translation></message>
    <message><source>Apply</source><translation>Áp dụng</translation></message>
    <message><source>Reset</source><translation>Đặt lại</translation></message>
    <message><source>Restore Defaults</source><translation>Khôi phục mặc định</translation></message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message><source>&amp;OK</source><translation>Đồ&amp;ng ý</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Lưu</translation></message>
    <message><source>&amp;Cancel</source><translation>&amp;Hủy</translation></message>
    <message><source>&amp;Close</source><translation>Đó&amp;ng</translation></message>
    <message><source>Close without Saving</source><translation>Đóng không lưu</translation></message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message><source>OK</source><translation>Đồng ý</translation></message>
</context>
<context>
    <name>QDialog</name>
    <message><source>What&apos;s This?</source><translation>Đây là gì?</translation></message>
</context>
<context>
    <name>QProgressDialog</name>
    <message><source>Cancel</source><translation>Hủy</translation></message>
</context>
<context>
    <name>QWizard</name>
    <message><source>&lt; &amp;Back</source><translation>&lt; &amp;Quay lại</translation></message>
    <message><source>&amp;Next &gt;</source><translation>&amp;Tiếp theo &gt;</translation></message>
    <message><source>&amp;Next</source><translation>&amp;Tiếp theo</translation></message>
    <message><source>&amp;Finish</source><translation>&amp;Hoàn tất</translation></message>
    <message><source>Cancel</source><translation>Hủy</translation></message>
    <message><source>&amp;Help</source><translation>&amp;Trợ giúp</translation></message>
    <message><source>Help</source><translation>Trợ giúp</translation></message>
    <message><source>Commit</source><translation>Xác nhận</translation></message>
    <message><source>Go Back</source><translation>Quay lại</translation></message>
    <message><source>Continue</source><translation>Tiếp tục</translation></message>
    <message><source>Done</source><translation>Xong</translation></message>
</context>
<context>
    <name>QMessageBox</name>
    <message><source>Show Details...</source><translation>Xem chi tiết…</translation></message>
    <message><source>Hide Details...</source><translation>Ẩn chi tiết…</translation></message>
    <message><source>OK</source><translation>Đồng ý</translation></message>
    <message><source>About Qt</source><translation>Giới thiệu Qt</translation></message>
    <message><source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source><translation>&lt;h3&gt;Giới thiệu Qt&lt;/h3&gt;&lt;p&gt;Chương trình này dùng Qt phiên bản %1.&lt;/p&gt;</translation></message>
</context>
<context>
    <name>QLineEdit</name>
    <message><source>&amp;Undo</source><translation>&amp;Hoàn tác</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Làm lại</translation></message>
    <message><source>Cu&amp;t</source><translation>Cắ&amp;t</translation></message>
    <message><source>&amp;Copy</source><translation>Sao &amp;chép</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Dán</translation></message>
    <message><source>Delete</source><translation>Xóa</translation></message>
    <message><source>Select All</source><translation>Chọn tất cả</translation></message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message><source>&amp;Undo</source><translation>&amp;Hoàn tác</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Làm lại</translation></message>
    <message><source>Cu&amp;t</source><translation>Cắ&amp;t</translation></message>
    <message><source>&amp;Copy</source><translation>Sao &amp;chép</translation></message>
    <message><source>Copy &amp;Link Location</source><translation>Sao chép địa chỉ liên &amp;kết</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Dán</translation></message>
    <message><source>Delete</source><translation>Xóa</translation></message>
    <message><source>Select All</source><translation>Chọn tất cả</translation></message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message><source>&amp;Select All</source><translation>Chọ&amp;n tất cả</translation></message>
    <message><source>&amp;Step up</source><translation>Tăn&amp;g lên</translation></message>
    <message><source>Step &amp;down</source><translation>Giảm &amp;xuống</translation></message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message><source>Insert Unicode control character</source><translation>Chèn ký tự điều khiển Unicode</translation></message>
    <message><source>LRM Left-to-right mark</source><translation>LRM Dấu trái sang phải</translation></message>
    <message><source>RLM Right-to-left mark</source><translation>RLM Dấu phải sang trái</translation></message>
    <message><source>ZWJ Zero width joiner</source><translation>ZWJ Nối không độ rộng</translation></message>
    <message><source>ZWNJ Zero width non-joiner</source><translation>ZWNJ Ngắt nối không độ rộng</translation></message>
    <message><source>ZWSP Zero width space</source><translation>ZWSP Khoảng trắng không độ rộng</translation></message>
    <message><source>LRE Start of left-to-right embedding</source><translation>LRE Bắt đầu nhúng trái sang phải</translation></message>
    <message><source>RLE Start of right-to-left embedding</source><translation>RLE Bắt đầu nhúng phải sang trái</translation></message>
    <message><source>LRO Start of left-to-right override</source><translation>LRO Bắt đầu ép trái sang phải</translation></message>
    <message><source>RLO Start of right-to-left override</source><translation>RLO Bắt đầu ép phải sang trái</translation></message>
    <message><source>PDF Pop directional formatting</source><translation>PDF Kết thúc định hướng</translation></message>
    <message><source>LRI Left-to-right isolate</source><translation>LRI Tách trái sang phải</translation></message>
    <message><source>RLI Right-to-left isolate</source><translation>RLI Tách phải sang trái</translation></message>
    <message><source>FSI First strong isolate</source><translation>FSI Tách theo ký tự định hướng đầu tiên</translation></message>
    <message><source>PDI Pop directional isolate</source><translation>PDI Kết thúc tách định hướng</translation></message>
</context>
<context>
    <name>QScrollBar</name>
    <message><source>Scroll here</source><translation>Cuộn đến đây</translation></message>
    <message><source>Top</source><translation>Lên đầu</translation></message>
    <message><source>Bottom</source><translation>Xuống cuối</translation></message>
    <message><source>Left edge</source><translation>Mép trái</translation></message>
    <message><source>Right edge</source><translation>Mép phải</translation></message>
    <message><source>Page up</source><translation>Lên một trang</translation></message>
    <message><source>Page down</source><translation>Xuống một trang</translation></message>
    <message><source>Page left</source><translation>Sang trái một trang</translation></message>
    <message><source>Page right</source><translation>Sang phải một trang</translation></message>
    <message><source>Scroll up</source><translation>Cuộn lên</translation></message>
    <message><source>Scroll down</source><translation>Cuộn xuống</translation></message>
    <message><source>Scroll left</source><translation>Cuộn sang trái</translation></message>
    <message><source>Scroll right</source><translation>Cuộn sang phải</translation></message>
</context>
<context>
    <name>QTabBar</name>
    <message><source>Scroll Left</source><translation>Cuộn sang trái</translation></message>
    <message><source>Scroll Right</source><translation>Cuộn sang phải</translation></message>
</context>
<context>
    <name>QComboBox</name>
    <message><source>Open the combo box selection popup</source><translation>Mở danh sách để chọn</translation></message>
    <message><source>True</source><translation>Đúng</translation></message>
    <message><source>False</source><translation>Sai</translation></message>
</context>
<context>
    <name>QUndoStack</name>
    <message><source>Undo %1</source><translation>Hoàn tác %1</translation></message>
    <message><source>Redo %1</source><translation>Làm lại %1</translation></message>
    <message><source>Undo</source><comment>Default text for undo action</comment><translation>Hoàn tác</translation></message>
    <message><source>Redo</source><comment>Default text for redo action</comment><translation>Làm lại</translation></message>
</context>
<context>
    <name>QUndoModel</name>
    <message><source>&lt;empty&gt;</source><translation>&lt;trống&gt;</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>&amp;Tìm trong:</translation></message>
    <message><source>Look in:</source><translation>Tìm trong:</translation></message>
    <message><source>File &amp;name:</source><translation>Tê&amp;n tệp:</translation></message>
    <message><source>Files of &amp;type:</source><translation>&amp;Kiểu tệp:</translation></message>
    <message><source>Directory:</source><translation>Thư mục:</translation></message>
    <message><source>&amp;Open</source><translation>&amp;Mở</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Lưu</translation></message>
    <message><source>&amp;Choose</source><translation>&amp;Chọn</translation></message>
    <message><source>Open</source><translation>Mở</translation></message>
    <message><source>Save As</source><translation>Lưu thành</translation></message>
    <message><source>Find Directory</source><translation>Chọn thư mục</translation></message>
    <message><source>Directories</source><translation>Thư mục</translation></message>
    <message><source>Files</source><translation>Tệp</translation></message>
    <message><source>All Files (*)</source><translation>Mọi tệp (*)</translation></message>
    <message><source>All files (*)</source><translation>Mọi tệp (*)</translation></message>
    <message><source>Back</source><translation>Lùi lại</translation></message>
    <message><source>Go back</source><translation>Về thư mục trước</translation></message>
    <message><source>Forward</source><translation>Tiến tới</translation></message>
    <message><source>Go forward</source><translation>Tới thư mục sau</translation></message>
    <message><source>Parent Directory</source><translation>Thư mục cha</translation></message>
    <message><source>Go to the parent directory</source><translation>Lên thư mục cha</translation></message>
    <message><source>Create New Folder</source><translation>Tạo thư mục mới</translation></message>
    <message><source>Create a New Folder</source><translation>Tạo thư mục mới</translation></message>
    <message><source>New Folder</source><translation>Thư mục mới</translation></message>
    <message><source>&amp;New Folder</source><translation>Thư mục &amp;mới</translation></message>
    <message><source>List View</source><translation>Danh sách</translation></message>
    <message><source>Change to list view mode</source><translation>Xem dạng danh sách</translation></message>
    <message><source>Detail View</source><translation>Chi tiết</translation></message>
    <message><source>Change to detail view mode</source><translation>Xem dạng chi tiết</translation></message>
    <message><source>Sidebar</source><translation>Thanh bên</translation></message>
    <message><source>List of places and bookmarks</source><translation>Các nơi hay dùng</translation></message>
    <message><source>Recent Places</source><translation>Nơi mở gần đây</translation></message>
    <message><source>Remove</source><translation>Bỏ khỏi danh sách</translation></message>
    <message><source>&amp;Rename</source><translation>Đổi &amp;tên</translation></message>
    <message><source>&amp;Delete</source><translation>&amp;Xóa</translation></message>
    <message><source>Delete</source><translation>Xóa</translation></message>
    <message><source>Show &amp;hidden files</source><translation>&amp;Hiện tệp ẩn</translation></message>
    <message><source>Show </source><translation>Hiện </translation></message>
    <message><source>Drive</source><translation>Ổ đĩa</translation></message>
    <message><source>File</source><translation>Tệp</translation></message>
    <message><source>Folder</source><translation>Thư mục</translation></message>
    <message><source>Alias</source><translation>Bí danh</translation></message>
    <message><source>Shortcut</source><translation>Lối tắt</translation></message>
    <message><source>Unknown</source><translation>Không rõ</translation></message>
    <message><source>%1 already exists.
Do you want to replace it?</source><translation>%1 đã có.
Ghi đè tệp này?</translation></message>
    <message><source>%1
File not found.
Please verify the correct file name was given.</source><translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation></message>
    <message><source>%1
Directory not found.
Please verify the correct directory name was given.</source><translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation></message>
    <message><source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source><translation>«%1» đang được chống ghi.
Vẫn xóa?</translation></message>
    <message><source>Are you sure you want to delete &apos;%1&apos;?</source><translation>Xóa «%1»?</translation></message>
    <message><source>Could not delete directory.</source><translation>Không xóa được thư mục.</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Name</source><translation>Tên</translation></message>
    <message><source>Size</source><translation>Cỡ</translation></message>
    <message><source>Type</source><translation>Loại</translation></message>
    <message><source>Kind</source><translation>Loại</translation></message>
    <message><source>Date Modified</source><translation>Ngày sửa</translation></message>
    <message><source>Computer</source><translation>Máy tính</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Drive</source><translation>Ổ đĩa</translation></message>
    <message><source>File</source><translation>Tệp</translation></message>
    <message><source>Folder</source><translation>Thư mục</translation></message>
    <message><source>Alias</source><translation>Bí danh</translation></message>
    <message><source>Shortcut</source><translation>Lối tắt</translation></message>
    <message><source>Unknown</source><translation>Không rõ</translation></message>
</context>
<context>
    <name>QPrintDialog</name>
    <message><source>Print</source><translation>In</translation></message>
    <message><source>&amp;Print</source><translation>&amp;In</translation></message>
    <message><source>OK</source><translation>Đồng ý</translation></message>
    <message><source>&amp;Options &gt;&gt;</source><translation>Tùy &amp;chọn &gt;&gt;</translation></message>
    <message><source>&amp;Options &lt;&lt;</source><translation>Tùy &amp;chọn &lt;&lt;</translation></message>
    <message><source>Print To File ...</source><translation>In ra tệp…</translation></message>
    <message><source>Print to File (PDF)</source><translation>In ra tệp (PDF)</translation></message>
    <message><source>Write PDF file</source><translation>Ghi tệp PDF</translation></message>
    <message><source>Local file</source><translation>Tệp trên máy</translation></message>
    <message><source>All Pages</source><translation>Mọi trang</translation></message>
    <message><source>Odd Pages</source><translation>Trang lẻ</translation></message>
    <message><source>Even Pages</source><translation>Trang chẵn</translation></message>
    <message><source>Left to Right, Top to Bottom</source><translation>Trái sang phải, trên xuống dưới</translation></message>
    <message><source>Left to Right, Bottom to Top</source><translation>Trái sang phải, dưới lên trên</translation></message>
    <message><source>Right to Left, Bottom to Top</source><translation>Phải sang trái, dưới lên trên</translation></message>
    <message><source>Right to Left, Top to Bottom</source><translation>Phải sang trái, trên xuống dưới</translation></message>
    <message><source>Bottom to Top, Left to Right</source><translation>Dưới lên trên, trái sang phải</translation></message>
    <message><source>Bottom to Top, Right to Left</source><translation>Dưới lên trên, phải sang trái</translation></message>
    <message><source>Top to Bottom, Left to Right</source><translation>Trên xuống dưới, trái sang phải</translation></message>
    <message><source>Top to Bottom, Right to Left</source><translation>Trên xuống dưới, phải sang trái</translation></message>
    <message><source>%1 already exists.
Do you want to overwrite it?</source><translation>%1 đã có.
Ghi đè tệp này?</translation></message>
    <message><source>%1 is a directory.
Please choose a different file name.</source><translation>%1 là một thư mục.
Hãy chọn tên tệp khác.</translation></message>
    <message><source>File %1 is not writable.
Please choose a different file name.</source><translation>Không ghi được tệp %1.
Hãy chọn tên tệp khác.</translation></message>
    <message><source>Invalid Pages Definition</source><translation>Ghi trang chưa đúng</translation></message>
    <message><source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source><translation>«%1» ghi chưa đúng. Các trang và khoảng trang cách nhau bằng dấu «,», một khoảng là hai số nối bằng dấu «-» (ví dụ 3,5-7,9), và các khoảng không chồng lên nhau.</translation></message>
    <message><source>Duplex Settings Conflicts</source><translation>In hai mặt: thiết lập mâu thuẫn</translation></message>
    <message><source>There are conflicts in duplex settings. Do you want to fix them?</source><translation>Thiết lập in hai mặt mâu thuẫn nhau. Sửa lại?</translation></message>
    <message><source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source><translation>Không dùng cùng lúc «Số trang mỗi tờ» và «Loại trang» được.
Hãy bỏ một trong hai.</translation></message>
</context>
<context>
    <name>QPrintWidget</name>
    <message><source>Printer</source><translation>Máy in</translation></message>
    <message><source>&amp;Name:</source><translation>Tê&amp;n:</translation></message>
    <message><source>P&amp;roperties</source><translation>Th&amp;uộc tính</translation></message>
    <message><source>Location:</source><translation>Vị trí:</translation></message>
    <message><source>Preview</source><translation>Xem trước</translation></message>
    <message><source>Type:</source><translation>Loại:</translation></message>
    <message><source>Output &amp;file:</source><translation>&amp;Tệp in ra:</translation></message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message><source>Printer Properties</source><translation>Thuộc tính máy in</translation></message>
    <message><source>Job Options</source><translation>Tùy chọn lệnh in</translation></message>
    <message><source>Page Setup Conflicts</source><translation>Thiết lập trang mâu thuẫn</translation></message>
    <message><source>There are conflicts in page setup options. Do you want to fix them?</source><translation>Thiết lập trang mâu thuẫn nhau. Sửa lại?</translation></message>
    <message><source>Advanced Option Conflicts</source><translation>Tùy chọn nâng cao mâu thuẫn</translation></message>
    <message><source>There are conflicts in some advanced options. Do you want to fix them?</source><translation>Một số tùy chọn nâng cao mâu thuẫn nhau. Sửa lại?</translation></message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message><source>Page</source><translation>Trang</translation></message>
    <message><source>Advanced</source><translation>Nâng cao</translation></message>
    <message><source>There are conflicts in some options. Please fix them.</source><translation>Một số tùy chọn mâu thuẫn nhau. Hãy sửa lại.</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Copies</source><translation>Số bản</translation></message>
    <message><source>Copies:</source><translation>Số bản:</translation></message>
    <message><source>Collate</source><translation>Xếp theo bộ</translation></message>
    <message><source>Reverse</source><translation>In ngược thứ tự</translation></message>
    <message><source>Print range</source><translation>Phạm vi in</translation></message>
    <message><source>Print all</source><translation>In tất cả</translation></message>
    <message><source>Pages from</source><translation>Từ trang</translation></message>
    <message><source>to</source><translation>đến</translation></message>
    <message><source>Pages</source><translation>Các trang</translation></message>
    <message><source>Current Page</source><translation>Trang đang xem</translation></message>
    <message><source>Selection</source><translation>Phần đã chọn</translation></message>
    <message><source>Page &amp;Set:</source><translation>&amp;Loại trang:</translation></message>
    <message><source>Output Settings</source><translation>Thiết lập in</translation></message>
    <message><source>Options</source><translation>Tùy chọn</translation></message>
    <message><source>Color Mode</source><translation>Màu</translation></message>
    <message><source>Color</source><translation>In màu</translation></message>
    <message><source>Grayscale</source><translation>In đen trắng</translation></message>
    <message><source>Double Sided Printing</source><translation>In hai mặt</translation></message>
    <message><source>Off</source><translation>Không</translation></message>
    <message><source>None</source><translation>Không</translation></message>
    <message><source>Long side</source><translation>Lật theo cạnh dài</translation></message>
    <message><source>Long side binding</source><translation>Lật theo cạnh dài</translation></message>
    <message><source>Short side</source><translation>Lật theo cạnh ngắn</translation></message>
    <message><source>Short side binding</source><translation>Lật theo cạnh ngắn</translation></message>
    <message><source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source><translation>Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; một khoảng là hai số nối bằng dấu gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.</translation></message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message><source>Paper</source><translation>Giấy</translation></message>
    <message><source>Page size:</source><translation>Khổ giấy:</translation></message>
    <message><source>Width:</source><translation>Rộng:</translation></message>
    <message><source>Height:</source><translation>Cao:</translation></message>
    <message><source>Paper source:</source><translation>Khay giấy:</translation></message>
    <message><source>Orientation</source><translation>Hướng giấy</translation></message>
    <message><source>Portrait</source><translation>Dọc</translation></message>
    <message><source>Landscape</source><translation>Ngang</translation></message>
    <message><source>Reverse landscape</source><translation>Ngang, lật ngược</translation></message>
    <message><source>Reverse portrait</source><translation>Dọc, lật ngược</translation></message>
    <message><source>Margins</source><translation>Lề</translation></message>
    <message><source>top margin</source><translation>lề trên</translation></message>
    <message><source>left margin</source><translation>lề trái</translation></message>
    <message><source>right margin</source><translation>lề phải</translation></message>
    <message><source>bottom margin</source><translation>lề dưới</translation></message>
    <message><source>Page Layout</source><translation>Bố cục trang</translation></message>
    <message><source>Page &amp;order:</source><translation>Thứ tự tr&amp;ang:</translation></message>
    <message><source>Pages &amp;per sheet:</source><translation>&amp;Số trang mỗi tờ:</translation></message>
    <message><source>Custom</source><translation>Tùy chỉnh</translation></message>
    <message><source>Millimeters (mm)</source><translation>Milimét (mm)</translation></message>
    <message><source>Inches (in)</source><translation>Inch (in)</translation></message>
    <message><source>Points (pt)</source><translation>Point (pt)</translation></message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message><source>Print Preview</source><translation>Xem trước khi in</translation></message>
    <message><source>Print</source><translation>In</translation></message>
    <message><source>Page Setup</source><translation>Thiết lập trang</translation></message>
    <message><source>Page setup</source><translation>Thiết lập trang</translation></message>
    <message><source>Next page</source><translation>Trang sau</translation></message>
    <message><source>Previous page</source><translation>Trang trước</translation></message>
    <message><source>First page</source><translation>Trang đầu</translation></message>
    <message><source>Last page</source><translation>Trang cuối</translation></message>
    <message><source>Fit width</source><translation>Vừa chiều rộng</translation></message>
    <message><source>Fit page</source><translation>Vừa trang</translation></message>
    <message><source>Zoom in</source><translation>Phóng to</translation></message>
    <message><source>Zoom out</source><translation>Thu nhỏ</translation></message>
    <message><source>Portrait</source><translation>Khổ dọc</translation></message>
    <message><source>Landscape</source><translation>Khổ ngang</translation></message>
    <message><source>Show single page</source><translation>Từng trang</translation></message>
    <message><source>Show facing pages</source><translation>Hai trang đối diện</translation></message>
    <message><source>Show overview of all pages</source><translation>Tất cả các trang</translation></message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message><source>Job</source><translation>Lệnh in</translation></message>
    <message><source>Job Control</source><translation>Điều khiển lệnh in</translation></message>
    <message><source>Scheduled &amp;printing:</source><translation>Hẹn giờ &amp;in:</translation></message>
    <message><source>Print Immediately</source><translation>In ngay</translation></message>
    <message><source>Hold Indefinitely</source><translation>Giữ lại, chưa in</translation></message>
    <message><source>Day (06:00 to 17:59)</source><translation>Ban ngày (06:00 đến 17:59)</translation></message>
    <message><source>Night (18:00 to 05:59)</source><translation>Ban đêm (18:00 đến 05:59)</translation></message>
    <message><source>Second Shift (16:00 to 23:59)</source><translation>Ca hai (16:00 đến 23:59)</translation></message>
    <message><source>Third Shift (00:00 to 07:59)</source><translation>Ca ba (00:00 đến 07:59)</translation></message>
    <message><source>Weekend (Saturday to Sunday)</source><translation>Cuối tuần (thứ Bảy, Chủ nhật)</translation></message>
    <message><source>Specific Time</source><translation>Vào giờ định sẵn</translation></message>
    <message><source>&amp;Billing information:</source><translation>Thông tin &amp;thanh toán:</translation></message>
    <message><source>Billing information:</source><translation>Thông tin thanh toán:</translation></message>
    <message><source>Job &amp;priority:</source><translation>&amp;Mức ưu tiên:</translation></message>
    <message><source>Banner Pages</source><translation>Trang bìa</translation></message>
    <message><source>&amp;Start:</source><translation>Đầ&amp;u:</translation></message>
    <message><source>Start:</source><translation>Đầu:</translation></message>
    <message><source>&amp;End:</source><translation>&amp;Cuối:</translation></message>
    <message><source>End:</source><translation>Cuối:</translation></message>
    <message><source>None</source><translation>Không</translation></message>
    <message><source>Standard</source><translation>Chuẩn</translation></message>
    <message><source>Unclassified</source><translation>Không mật</translation></message>
    <message><source>Confidential</source><translation>Hạn chế</translation></message>
    <message><source>Classified</source><translation>Mật</translation></message>
    <message><source>Secret</source><translation>Tối mật</translation></message>
    <message><source>Top Secret</source><translation>Tuyệt mật</translation></message>
</context>
<context>
    <name>Print Device Input Slot</name>
    <message><source>Automatic</source><translation>Tự động</translation></message>
</context>
<context>
    <name>Print Device Output Bin</name>
    <message><source>Automatic</source><translation>Tự động</translation></message>
</context>
<context>
    <name>QPageSize</name>
    <message><source>Custom</source><translation>Tùy chỉnh</translation></message>
    <message><source>Custom (%1mm x %2mm)</source><translation>Tùy chỉnh (%1mm x %2mm)</translation></message>
    <message><source>Custom (%1pt x %2pt)</source><translation>Tùy chỉnh (%1pt x %2pt)</translation></message>
    <message><source>Custom (%1in x %2in)</source><translation>Tùy chỉnh (%1in x %2in)</translation></message>
    <message><source>Custom (%1pc x %2pc)</source><translation>Tùy chỉnh (%1pc x %2pc)</translation></message>
    <message><source>Custom (%1DD x %2DD)</source><translation>Tùy chỉnh (%1DD x %2DD)</translation></message>
    <message><source>Custom (%1CC x %2CC)</source><translation>Tùy chỉnh (%1CC x %2CC)</translation></message>
    <message><source>Postcard</source><translation>Bưu thiếp</translation></message>
    <message><source>Double Postcard</source><translation>Bưu thiếp đôi</translation></message>
    <message><source>Envelope B4</source><translation>Phong bì B4</translation></message>
    <message><source>Envelope B5</source><translation>Phong bì B5</translation></message>
    <message><source>Envelope B6</source><translation>Phong bì B6</translation></message>
    <message><source>Envelope C0</source><translation>Phong bì C0</translation></message>
    <message><source>Envelope C1</source><translation>Phong bì C1</translation></message>
    <message><source>Envelope C2</source><translation>Phong bì C2</translation></message>
    <message><source>Envelope C3</source><translation>Phong bì C3</translation></message>
    <message><source>Envelope C4</source><translation>Phong bì C4</translation></message>
    <message><source>Envelope C5</source><translation>Phong bì C5</translation></message>
    <message><source>Envelope C6</source><translation>Phong bì C6</translation></message>
    <message><source>Envelope C65</source><translation>Phong bì C65</translation></message>
    <message><source>Envelope C7</source><translation>Phong bì C7</translation></message>
    <message><source>Envelope Chou 3</source><translation>Phong bì Chou 3</translation></message>
    <message><source>Envelope Chou 4</source><translation>Phong bì Chou 4</translation></message>
    <message><source>Envelope DL</source><translation>Phong bì DL</translation></message>
    <message><source>Envelope Invite</source><translation>Phong bì Invite</translation></message>
    <message><source>Envelope Italian</source><translation>Phong bì Italian</translation></message>
    <message><source>Envelope Kaku 2</source><translation>Phong bì Kaku 2</translation></message>
    <message><source>Envelope Kaku 3</source><translation>Phong bì Kaku 3</translation></message>
    <message><source>Envelope Monarch</source><translation>Phong bì Monarch</translation></message>
    <message><source>Envelope PRC 1</source><translation>Phong bì PRC 1</translation></message>
    <message><source>Envelope PRC 10</source><translation>Phong bì PRC 10</translation></message>
    <message><source>Envelope PRC 2</source><translation>Phong bì PRC 2</translation></message>
    <message><source>Envelope PRC 3</source><translation>Phong bì PRC 3</translation></message>
    <message><source>Envelope PRC 4</source><translation>Phong bì PRC 4</translation></message>
    <message><source>Envelope PRC 5</source><translation>Phong bì PRC 5</translation></message>
    <message><source>Envelope PRC 6</source><translation>Phong bì PRC 6</translation></message>
    <message><source>Envelope PRC 7</source><translation>Phong bì PRC 7</translation></message>
    <message><source>Envelope PRC 8</source><translation>Phong bì PRC 8</translation></message>
    <message><source>Envelope PRC 9</source><translation>Phong bì PRC 9</translation></message>
    <message><source>Envelope Personal</source><translation>Phong bì Personal</translation></message>
    <message><source>Envelope US 10</source><translation>Phong bì US 10</translation></message>
    <message><source>Envelope US 11</source><translation>Phong bì US 11</translation></message>
    <message><source>Envelope US 12</source><translation>Phong bì US 12</translation></message>
    <message><source>Envelope US 14</source><translation>Phong bì US 14</translation></message>
    <message><source>Envelope US 9</source><translation>Phong bì US 9</translation></message>
    <message><source>Envelope You 4</source><translation>Phong bì You 4</translation></message>
</context>
</TS>
