package importer

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha1"
	"encoding/binary"
	"unicode/utf16"
)

// An encrypted .xls (an open password, MS-XLS 2.2.10) keeps its record
// headers in the clear and encrypts the data of every record after
// FILEPASS with RC4, keyed anew for each 1,024-byte block of the
// Workbook stream: the byte at stream offset p is byte p%1024 of the
// key stream of block p/1024. The key of a block comes from the password
// either as Office 97 did (MS-OFFCRYPTO 2.3.6, "RC4": MD5, 40 bits, what
// Excel 97-2003 and LibreOffice write) or through CryptoAPI (2.3.5, "RC4
// CryptoAPI": SHA-1, 40 to 128 bits, what later Excel writes). XOR
// obfuscation (2.3.7, Excel 95's "weak encryption") is refused by name.
// decryptBIFF decrypts the stream in place, after checking the password
// against the verifier the file keeps: a wrong password decrypts
// nothing.

// Messages of a workbook with an open password, .xlsx and .xls alike.
const (
	msgPasswordNeeded = "工作簿设有打开密码：请提供密码后再导入（命令行用 captrack import --password-stdin，网页导入时填写“打开密码”）"
	msgPasswordWrong  = "工作簿设有打开密码，所给密码不正确"
)

// defaultXLSPassword is the password Excel encrypts a workbook with when
// only its structure or sheets are protected: Excel opens such a file
// without asking, and so does the import.
const defaultXLSPassword = "VelvetSweatshop"

// rc4BlockSize is the stretch of the Workbook stream one RC4 key covers.
const rc4BlockSize = 1024

// Records whose data is never encrypted (MS-XLS 2.2.10).
const (
	recInterfaceHdr = 0x00E1
	recUsrExcl      = 0x0194
	recFileLock     = 0x0195
	recRRDInfo      = 0x0196
	recRRDHead      = 0x0138
)

// biffCipher is the RC4 key stream of a Workbook stream, by stream offset.
type biffCipher struct {
	key   func(block uint32) []byte
	c     *rc4.Cipher
	block int // the block c is keyed for, -1 before the first
	at    int // the stream offset c is at
	skip  []byte
}

// apply decrypts b, which sits at stream offset pos; calls go forward.
func (bc *biffCipher) apply(b []byte, pos int) {
	for len(b) > 0 {
		block := pos / rc4BlockSize
		if block != bc.block {
			bc.c, _ = rc4.NewCipher(bc.key(uint32(block))) // the keys are 5 to 16 bytes
			bc.block, bc.at = block, block*rc4BlockSize
		}
		for bc.at < pos { // the key stream of what is left in the clear
			n := min(pos-bc.at, len(bc.skip))
			bc.c.XORKeyStream(bc.skip[:n], bc.skip[:n])
			bc.at += n
		}
		n := min(len(b), (block+1)*rc4BlockSize-pos)
		bc.c.XORKeyStream(b[:n], b[:n])
		b, pos, bc.at = b[n:], pos+n, bc.at+n
	}
}

// xlsEncryption is what a FILEPASS record says: the scheme, and the key
// of a block for a password when the password matches the verifier.
type xlsEncryption struct {
	scheme string // "XOR", "RC4", "RC4 CryptoAPI", "" when unknown
	open   func(password string) (key func(uint32) []byte, ok bool)
}

// readFilePass reads FILEPASS data d; ok is false when it is cut short
// or names an algorithm it does not allow.
func readFilePass(d []byte) (enc xlsEncryption, ok bool) {
	le := binary.LittleEndian
	if len(d) < 2 {
		return enc, false
	}
	switch le.Uint16(d) {
	case 0:
		return xlsEncryption{scheme: "XOR"}, true
	case 1:
	default:
		return xlsEncryption{}, true
	}
	if len(d) < 6 {
		return enc, false
	}
	major, minor, d := le.Uint16(d[2:]), le.Uint16(d[4:]), d[6:]
	switch {
	case major == 1 && minor == 1: // RC4, MS-OFFCRYPTO 2.3.6.1
		if len(d) < 48 {
			return enc, false
		}
		salt, verifier, hash := d[:16], d[16:32], d[32:48]
		return xlsEncryption{scheme: "RC4", open: func(password string) (func(uint32) []byte, bool) {
			h0 := md5.Sum(utf16le(password))
			buf := make([]byte, 0, 16*21)
			for range 16 {
				buf = append(append(buf, h0[:5]...), salt...)
			}
			h1 := md5.Sum(buf)
			key := func(block uint32) []byte {
				k := md5.Sum(binary.LittleEndian.AppendUint32(append([]byte(nil), h1[:5]...), block))
				return k[:]
			}
			return key, checkVerifier(key(0), verifier, hash, func(v []byte) []byte { s := md5.Sum(v); return s[:] })
		}}, true
	case 2 <= major && major <= 4 && minor == 2: // RC4 CryptoAPI, 2.3.5.1
		if len(d) < 8 {
			return enc, false
		}
		size := int(le.Uint32(d[4:]))
		if size < 32 || size > len(d)-8 {
			return enc, false
		}
		h, v := d[8:8+size], d[8+size:]
		alg, algHash, bits := le.Uint32(h[8:]), le.Uint32(h[12:]), int(le.Uint32(h[16:]))
		if bits == 0 {
			bits = 40
		}
		if alg != 0 && alg != 0x6801 || algHash != 0 && algHash != 0x8004 || bits < 40 || bits > 128 || bits%8 != 0 {
			return xlsEncryption{}, true // not RC4 with SHA-1
		}
		if len(v) < 4 || le.Uint32(v) != 16 || len(v) < 4+16+16+4+20 || le.Uint32(v[36:]) != 20 {
			return enc, false
		}
		salt, verifier, hash := v[4:20], v[20:36], v[40:60]
		return xlsEncryption{scheme: "RC4 CryptoAPI", open: func(password string) (func(uint32) []byte, bool) {
			h0 := sha1.Sum(append(append([]byte(nil), salt...), utf16le(password)...))
			key := func(block uint32) []byte {
				k := sha1.Sum(binary.LittleEndian.AppendUint32(append([]byte(nil), h0[:]...), block))
				if bits == 40 { // a 40-bit key is used as 128 bits, zero-padded
					return append(k[:5:5], make([]byte, 11)...)
				}
				return k[:bits/8]
			}
			return key, checkVerifier(key(0), verifier, hash, func(v []byte) []byte { s := sha1.Sum(v); return s[:] })
		}}, true
	}
	return xlsEncryption{}, true
}

// checkVerifier decrypts the verifier and its hash with key, in one key
// stream, and tells whether the hash is the verifier's.
func checkVerifier(key, verifier, hash []byte, sum func([]byte) []byte) bool {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return false
	}
	v, h := make([]byte, len(verifier)), make([]byte, len(hash))
	c.XORKeyStream(v, verifier)
	c.XORKeyStream(h, hash)
	return bytes.Equal(sum(v), h)
}

// utf16le is a password as Office hashes it.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// decryptBIFF decrypts in place the records of stream s from offset
// from (the record after FILEPASS) to the stream's end, with key.
func decryptBIFF(s []byte, from int, key func(uint32) []byte) {
	bc := &biffCipher{key: key, block: -1, skip: make([]byte, rc4BlockSize)}
	for i := from; i+4 <= len(s); {
		typ, n := binary.LittleEndian.Uint16(s[i:]), int(binary.LittleEndian.Uint16(s[i+2:]))
		data := s[i+4 : min(i+4+n, len(s))]
		switch typ {
		case recBOF, recFilePass, recUsrExcl, recFileLock, recInterfaceHdr, recRRDInfo, recRRDHead:
		case recBoundSheet: // its offset of the sheet stays in the clear
			if len(data) > 4 {
				bc.apply(data[4:], i+8)
			}
		default:
			bc.apply(data, i+4)
		}
		i += 4 + n
	}
}

// unlockXLS decrypts stream s, whose FILEPASS record's data is fp and
// ends at offset end, with password (or Excel's default password): ""
// when it is decrypted, else the user's message.
func unlockXLS(s, fp []byte, end int, password string) string {
	enc, ok := readFilePass(fp)
	switch {
	case !ok:
		return "文件已损坏：.xls 工作簿的加密信息不完整，无法读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入"
	case enc.scheme == "XOR":
		return "工作簿设有打开密码，且用的是 Excel 95 的“弱加密（XOR）”方式，暂不支持：请在 Excel 或 WPS 中输入密码打开后另存为 .xlsx（可在另存时保留打开密码）再导入"
	case enc.open == nil:
		return "工作簿设有打开密码，但加密方式无法识别，暂不支持：请在 Excel 或 WPS 中输入密码打开后另存为 .xlsx（可在另存时保留打开密码）再导入"
	}
	for _, pw := range []string{password, defaultXLSPassword} {
		if pw == "" {
			continue
		}
		if key, ok := enc.open(pw); ok {
			decryptBIFF(s, end, key)
			return ""
		}
	}
	if password == "" {
		return msgPasswordNeeded
	}
	return msgPasswordWrong
}
