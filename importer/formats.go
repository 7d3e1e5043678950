package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// oleMagic opens every OLE2 compound file: legacy .xls, WPS .et, Word's
// .doc, and an .xlsx encrypted with an open password.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff names what a file whose first bytes are head is when it is
// plainly no .xlsx package (a PDF, a text or HTML file), "" otherwise:
// a zip is looked into (zipKind), an OLE2 file opened (openOLE), and
// anything else is no zip.
func sniff(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, oleMagic):
		return ""
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "文件是 PDF 文档，不是 Excel 工作簿：请导入原始的 .xlsx 文件"
	case len(head) > 0 && utf8.Valid(head[:min(len(head), 4096)]) && !bytes.ContainsRune(head[:min(len(head), 4096)], 0):
		lower := strings.ToLower(string(head[:min(len(head), 512)]))
		if strings.Contains(lower, "<html") || strings.Contains(lower, "<table") {
			return "文件是网页（HTML）格式，不是 Excel 工作簿（常见于系统导出的“伪 .xls”）：请在 Excel 或 WPS 中打开后另存为 .xlsx"
		}
		return "文件是文本文件（如 CSV），不是 Excel 工作簿：请在 Excel 或 WPS 中打开后另存为 .xlsx"
	}
	return ""
}

// Unlock returns the workbook data decrypted with password when it is
// an encrypted workbook that password opens, else data unchanged (Parse
// then says what is wrong with it): an encrypted .xlsx as its package,
// an encrypted .xls as the .xlsx package it is read into. The web import
// unlocks an upload once, so that its password is never stored.
func Unlock(name string, data []byte, password string) []byte {
	if password == "" || !bytes.HasPrefix(data, oleMagic) {
		return data
	}
	src := bytes.NewReader(data)
	dec, legacy, refused := openOLE(name, src, password)
	switch {
	case legacy:
		var buf bytes.Buffer
		if stream, ok := xlsWorkbook(src); ok && biffEncrypted(stream) && readXLS(stream, password, DefaultMaxRows, DefaultMaxCells, DefaultMaxUnzipSize, &buf) == nil {
			return buf.Bytes()
		}
	case refused == "" && dec != nil:
		return dec
	}
	return data
}

// zipKind names a zip package that is no .xlsx ("" for one that may be).
func zipKind(zr *zip.Reader) string {
	for _, f := range zr.File {
		switch {
		case f.Name == "mimetype":
			rc, err := f.Open()
			if err != nil {
				return ""
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 256))
			rc.Close()
			if strings.Contains(string(b), "opendocument.spreadsheet") {
				return "文件是 OpenDocument 电子表格（.ods），暂不支持：请在 WPS 或 LibreOffice 中另存为 .xlsx 后再导入"
			}
			return "文件是 OpenDocument 文档，不是 Excel 工作簿"
		case strings.HasPrefix(f.Name, "word/"):
			return "文件是 Word 文档（.docx），不是 Excel 工作簿"
		case strings.HasPrefix(f.Name, "ppt/"):
			return "文件是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿"
		}
	}
	return ""
}

// openOLE decrypts an encrypted workbook, tells a legacy .xls (to read
// with readLegacy), or names the file it is.
func openOLE(name string, src sizedReaderAt, password string) (dec []byte, legacyXLS bool, refused string) {
	doc, err := mscfb.New(src)
	if err != nil {
		return nil, false, "文件已损坏：无法读取其中的内容，请重新保存或重新获取原文件后再导入"
	}
	streams := map[string]bool{}
	for e, err := doc.Next(); err == nil && len(streams) < 1000; e, err = doc.Next() {
		streams[e.Name] = true
	}
	switch {
	case streams["EncryptionInfo"] && streams["EncryptedPackage"]:
		if password == "" {
			return nil, false, msgPasswordNeeded
		}
		data := make([]byte, src.Size())
		if _, err := src.ReadAt(data, 0); err != nil && !errors.Is(err, io.EOF) {
			return nil, false, "无法读取文件：读取中断，请重新上传或检查文件"
		}
		dec, err := excelize.Decrypt(data, &excelize.Options{Password: password})
		if err != nil || !bytes.HasPrefix(dec, []byte("PK")) {
			return nil, false, msgPasswordWrong
		}
		return dec, false, ""
	case streams["Workbook"] || streams["Book"]:
		if strings.EqualFold(path.Ext(name), ".et") {
			return nil, false, "文件是 WPS 表格文件（.et），暂不支持：请在 WPS 中另存为 .xlsx 后再导入"
		}
		return nil, true, ""
	case streams["WordDocument"]:
		return nil, false, "文件是 Word 文档（.doc），不是 Excel 工作簿"
	}
	return nil, false, "文件是 Office 旧格式文档，不是 Excel 工作簿（.xlsx）"
}
