// Writes an .xls again with an open password through Apache POI 4.0.1
// (HSSF), as the fixtures of importer/testdata/xls were made:
//   java -cp /usr/share/java/poi.jar:/usr/share/java/commons-collections4.jar:/usr/share/java/commons-math3.jar \
//     Encrypt.java SRC DST PASSWORD MODE
// MODE: cryptoAPI (POI's own choice for a new password: RC4 CryptoAPI,
// 40-bit), cryptoAPI128 (the same with a 128-bit key, as Excel 2003 and
// later write by default), binaryRC4 (Office 97 RC4) or xor.
import java.io.*;
import java.lang.reflect.Field;
import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.*;

public class Encrypt {
    public static void main(String[] a) throws Exception {
        HSSFWorkbook wb = new HSSFWorkbook(new FileInputStream(a[0]));
        if (!a[3].equals("cryptoAPI")) {
            FilePassRecord fp;
            if (a[3].equals("cryptoAPI128")) {
                fp = new FilePassRecord(EncryptionMode.cryptoAPI);
                Field info = FilePassRecord.class.getDeclaredField("encryptionInfo");
                info.setAccessible(true);
                info.set(fp, new EncryptionInfo(EncryptionMode.cryptoAPI, CipherAlgorithm.rc4, HashAlgorithm.sha1, 128, -1, null));
            } else {
                fp = new FilePassRecord(EncryptionMode.valueOf(a[3]));
                // Only POI's CryptoAPI encrypts the property sets: mark
                // them as left in the clear (fDocProps), as POI then writes them.
                Field flags = EncryptionInfo.class.getDeclaredField("encryptionFlags");
                flags.setAccessible(true);
                flags.setInt(fp.getEncryptionInfo(), EncryptionInfo.flagDocProps.set(flags.getInt(fp.getEncryptionInfo())));
            }
            wb.getInternalWorkbook().getWorkbookRecordList().add(1, fp);
        }
        Biff8EncryptionKey.setCurrentUserPassword(a[2]);
        try (OutputStream out = new FileOutputStream(a[1])) { wb.write(out); }
    }
}
