<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>BackOffice</name>
    <message>
        <source>Settings (manager)</source>
        <translation>ตั้งค่าร้าน (ผู้จัดการ)</translation>
    </message>
    <message>
        <source>The shop&apos;s settings: a manager types their PIN.</source>
        <translation>ตั้งค่าร้าน: ผู้จัดการกรอกรหัส PIN</translation>
    </message>
    <message>
        <source>Staff (managers)</source>
        <translation>พนักงาน (ผู้จัดการ)</translation>
    </message>
    <message>
        <source>Change my PIN</source>
        <translation>เปลี่ยนรหัส PIN ของฉัน</translation>
    </message>
    <message>
        <source>Staff: managers only (log in as a manager).</source>
        <translation>พนักงาน: ผู้จัดการเท่านั้น (เข้าสู่ระบบด้วยรหัสผู้จัดการ)</translation>
    </message>
    <message>
        <source>Staff are managed at the head office: change your PIN there.</source>
        <translation>ข้อมูลพนักงานจัดการที่สำนักงานใหญ่ ให้เปลี่ยน PIN ที่สำนักงานใหญ่</translation>
    </message>
    <message>
        <source>Your PIN is changed.</source>
        <translation>เปลี่ยนรหัส PIN เรียบร้อยแล้ว</translation>
    </message>
    <message>
        <source>The drawer did not open: {reason}</source>
        <translation>ลิ้นชักไม่เปิด: {reason}</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>เมนู</translation>
    </message>
    <message>
        <source>Sales history / reprint</source>
        <translation>ประวัติการขาย / พิมพ์ซ้ำ</translation>
    </message>
    <message>
        <source>Printer settings</source>
        <translation>ตั้งค่าเครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Receipt header and footer (manager)</source>
        <translation>หัวและท้ายใบเสร็จ (ผู้จัดการ)</translation>
    </message>
    <message>
        <source>Reports and day close (manager)</source>
        <translation>รายงานและปิดวัน (ผู้จัดการ)</translation>
    </message>
    <message>
        <source>Printer ready: every waiting receipt has printed.</source>
        <translation>เครื่องพิมพ์พร้อม: พิมพ์ใบที่รอครบแล้ว</translation>
    </message>
    <message>
        <source>Receipt header and footer: managers only (log in with a manager&apos;s PIN).</source>
        <translation>หัวและท้ายใบเสร็จ: ผู้จัดการเท่านั้น (เข้าสู่ระบบด้วยรหัสผู้จัดการ)</translation>
    </message>
</context>
<context>
    <name>BackupKeeper</name>
    <message>
        <source>Last backup: {file}</source>
        <translation>สำรองข้อมูลล่าสุด: {file}</translation>
    </message>
    <message>
        <source>The backup failed; the shop can go on selling. {problem}</source>
        <translation>สำรองข้อมูลไม่สำเร็จ ขายต่อได้ตามปกติ {problem}</translation>
    </message>
    <message>
        <source>Backup failed ⚠</source>
        <translation>สำรองข้อมูลไม่สำเร็จ ⚠</translation>
    </message>
</context>
<context>
    <name>BuyerDetailsPanel</name>
    <message>
        <source>{count} of 13 digits</source>
        <translation>{count} จาก 13 หลัก</translation>
    </message>
    <message>
        <source>✗ the check digit is wrong: check the number</source>
        <translation>✗ เลขตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง: ตรวจเลขอีกครั้ง</translation>
    </message>
    <message>
        <source>✓ a valid tax ID</source>
        <translation>✓ เลขประจำตัวผู้เสียภาษีถูกต้อง</translation>
    </message>
    <message>
        <source>Type the buyer&apos;s name (a person or a company).</source>
        <translation>กรุณาพิมพ์ชื่อผู้ซื้อ (บุคคลหรือบริษัท)</translation>
    </message>
    <message>
        <source>Type the buyer&apos;s address.</source>
        <translation>กรุณาพิมพ์ที่อยู่ของผู้ซื้อ</translation>
    </message>
    <message>
        <source>The tax ID must be 13 digits with a correct check digit (it is on the buyer&apos;s ID card or company papers).</source>
        <translation>เลขประจำตัวผู้เสียภาษีต้องมี 13 หลักและเลขตรวจสอบถูกต้อง (ดูจากบัตรประชาชนหรือเอกสารบริษัทของผู้ซื้อ)</translation>
    </message>
    <message>
        <source>Branch: 00000 for the head office or the branch&apos;s 5 digits; empty for a person.</source>
        <translation>สาขา: 00000 สำหรับสำนักงานใหญ่ หรือเลขสาขา 5 หลัก เว้นว่างถ้าเป็นบุคคลธรรมดา</translation>
    </message>
    <message>
        <source>Give the reason for replacing tax invoice {number}.</source>
        <translation>กรุณาระบุเหตุผลที่ออกใบกำกับภาษีแทนฉบับ {number}</translation>
    </message>
    <message>
        <source>Replace tax invoice {number}</source>
        <translation>ออกใบกำกับภาษีแทนฉบับ {number}</translation>
    </message>
    <message>
        <source>Buyer details for a full tax invoice</source>
        <translation>ข้อมูลผู้ซื้อสำหรับใบกำกับภาษีเต็มรูป</translation>
    </message>
    <message>
        <source>For a full tax invoice or a Shop Dee Mee Kuen receipt in the buyer&apos;s name. Enter moves to the next field.</source>
        <translation>สำหรับใบกำกับภาษีเต็มรูปหรือใบเสร็จช้อปดีมีคืนในนามผู้ซื้อ กด Enter เพื่อไปช่องถัดไป</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>Tax ID (13 digits)</source>
        <translation>เลขประจำตัวผู้เสียภาษี (13 หลัก)</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>00000 = head office · empty = a person</source>
        <translation>00000 = สำนักงานใหญ่ · ว่าง = บุคคลธรรมดา</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <source>Type the approval code printed by the card terminal (2-12 letters or digits).</source>
        <translation>กรุณาพิมพ์รหัสอนุมัติ (Approval code) จากสลิปเครื่องรูดบัตร (ตัวอักษรหรือตัวเลข 2-12 ตัว)</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>บัตรเครดิต/เดบิต</translation>
    </message>
    <message>
        <source>Charge the card on the bank&apos;s terminal first.</source>
        <translation>รูดบัตรที่เครื่องของธนาคารก่อน แล้วจึงบันทึกที่นี่</translation>
    </message>
    <message>
        <source>Nothing is left to pay: Enter completes the sale.</source>
        <translation>ชำระครบแล้ว ไม่มีอะไรต้องกรอกที่หน้านี้ กด Enter เพื่อปิดการขาย</translation>
    </message>
    <message>
        <source>Amount charged</source>
        <translation>จำนวนเงินที่รูด</translation>
    </message>
    <message>
        <source>Approval code (on the terminal&apos;s slip)</source>
        <translation>รหัสอนุมัติ (บนสลิปเครื่องรูดบัตร)</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Quantity × price</source>
        <translation>จำนวน × ราคา</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Change coins brought in</source>
        <translation>แลกเหรียญทอน</translation>
    </message>
    <message>
        <source>Topping up the float</source>
        <translation>เติมเงินทอน</translation>
    </message>
    <message>
        <source>Cash taken to the safe</source>
        <translation>นำส่งเงินสดเข้าตู้เซฟ</translation>
    </message>
    <message>
        <source>Petty cash expense</source>
        <translation>จ่ายค่าใช้จ่ายเล็กน้อย</translation>
    </message>
    <message>
        <source>Cash into the drawer</source>
        <translation>นำเงินเข้าลิ้นชัก</translation>
    </message>
    <message>
        <source>Cash out of the drawer</source>
        <translation>นำเงินออกจากลิ้นชัก</translation>
    </message>
    <message>
        <source>Amount (baht)</source>
        <translation>จำนวนเงิน (บาท)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CashPage</name>
    <message>
        <source>Exact {amount}</source>
        <translation>พอดี {amount}</translation>
    </message>
    <message>
        <source>Type the cash received, or press a note key.</source>
        <translation>พิมพ์จำนวนเงินสดที่รับ หรือกดปุ่มธนบัตร</translation>
    </message>
    <message>
        <source>0.25 baht</source>
        <translation>25 สตางค์</translation>
    </message>
    <message>
        <source>1 baht</source>
        <translation>1 บาท</translation>
    </message>
    <message>
        <source>Cash is rounded to {step}.</source>
        <translation>เงินสดปัดเศษทีละ {step}</translation>
    </message>
    <message>
        <source>Cash is rounded to {step}: {due} in cash (rounding {difference}).</source>
        <translation>เงินสดปัดเศษทีละ {step}: รับเงินสด {due} (ปัดเศษ {difference})</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>รับเงินสด</translation>
    </message>
    <message>
        <source>Amount received, then Enter</source>
        <translation>จำนวนเงินที่รับ แล้วกด Enter</translation>
    </message>
    <message>
        <source>Add (Enter)</source>
        <translation>เพิ่ม (Enter)</translation>
    </message>
</context>
<context>
    <name>CheckoutFlow</name>
    <message>
        <source>The payment cannot start: {detail}</source>
        <translation>เริ่มการชำระเงินไม่ได้: {detail}</translation>
    </message>
</context>
<context>
    <name>CounterMenu</name>
    <message>
        <source>No cash drawer is connected to the receipt printer, so there is nothing to open. The printer settings name the drawer.</source>
        <translation>ไม่มีลิ้นชักเงินต่อกับเครื่องพิมพ์ใบเสร็จ จึงไม่มีอะไรให้เปิด ตั้งค่าลิ้นชักได้ที่การตั้งค่าเครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Type why the drawer is opened (e.g. change for the float).</source>
        <translation>กรุณาพิมพ์เหตุผลที่เปิดลิ้นชัก (เช่น แลกเงินทอน)</translation>
    </message>
    <message>
        <source>Opening the drawer without a sale: a manager types their PIN.</source>
        <translation>เปิดลิ้นชักโดยไม่มีการขาย: ผู้จัดการกรอกรหัส PIN</translation>
    </message>
    <message>
        <source>Open the drawer without a sale</source>
        <translation>เปิดลิ้นชักเงินโดยไม่มีการขาย</translation>
    </message>
    <message>
        <source>Why? The reason is kept in the audit trail.</source>
        <translation>เพราะอะไร? เหตุผลจะถูกบันทึกไว้ในประวัติการตรวจสอบ</translation>
    </message>
    <message>
        <source>The manager&apos;s PIN is not right.</source>
        <translation>รหัส PIN ของผู้จัดการไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>Drawer opened (no sale). Recorded.</source>
        <translation>เปิดลิ้นชักแล้ว (ไม่มีการขาย) บันทึกแล้ว</translation>
    </message>
    <message>
        <source>Recorded, but no cash drawer is connected to open.</source>
        <translation>บันทึกแล้ว แต่ไม่มีลิ้นชักเงินที่เชื่อมต่อให้เปิด</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Cash rounding and screen lock</source>
        <translation>การปัดเศษเงินสดและล็อกหน้าจอ</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>ปัดเศษเงินสด</translation>
    </message>
    <message>
        <source>Lock the screen after</source>
        <translation>ล็อกหน้าจอเมื่อไม่ใช้งาน</translation>
    </message>
    <message>
        <source>No rounding</source>
        <translation>ไม่ปัดเศษ</translation>
    </message>
    <message>
        <source>To 25 satang</source>
        <translation>ปัดเป็น 25 สตางค์</translation>
    </message>
    <message>
        <source>To the baht</source>
        <translation>ปัดเป็นบาท</translation>
    </message>
    <message>
        <source>Cash totals are rounded this way; card and PromptPay pay the exact amount.</source>
        <translation>ปัดเศษเฉพาะยอดที่จ่ายเงินสด บัตรและพร้อมเพย์จ่ายตามยอดจริง</translation>
    </message>
    <message>
        <source> min</source>
        <translation> นาที</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>ไม่ล็อก</translation>
    </message>
    <message>
        <source>Minutes without a key or a touch before the screen locks; 0 = never.</source>
        <translation>ล็อกหน้าจอเมื่อไม่มีการกดหรือแตะครบกี่นาที (0 = ไม่ล็อก)</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>OTOP Sisaket — {till}</source>
        <translation>OTOP ศรีสะเกษ — {till}</translation>
    </message>
    <message>
        <source>OTOP Sisaket</source>
        <translation>OTOP ศรีสะเกษ</translation>
    </message>
    <message numerus="yes">
        <source>The open cart was restored (%n item(s)).</source>
        <translation>
            <numerusform>กู้คืนบิลที่ค้างไว้แล้ว (%n ชิ้น)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>ยังไม่ได้เข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>ผู้จัดการ</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>แคชเชียร์</translation>
    </message>
    <message>
        <source>Log in first, then scan.</source>
        <translation>กรุณาเข้าสู่ระบบก่อน แล้วจึงสแกน</translation>
    </message>
    <message>
        <source>Scanner connected: {port}</source>
        <translation>เชื่อมต่อเครื่องสแกนแล้ว: {port}</translation>
    </message>
    <message>
        <source>Scanner not connected ({detail})</source>
        <translation>เครื่องสแกนยังไม่เชื่อมต่อ ({detail})</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>ล็อก (Ctrl+L)</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>ออกจากระบบ</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <source>Close the day — Z report</source>
        <translation>ปิดวัน — รายงาน Z</translation>
    </message>
    <message>
        <source>Close the day (print the Z report)</source>
        <translation>ปิดวัน (พิมพ์รายงาน Z)</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>ปิดหน้าต่าง</translation>
    </message>
    <message>
        <source>No business day is open (no shift was opened since the last Z report)</source>
        <translation>ไม่มีวันทำการที่เปิดอยู่ (ยังไม่มีการเปิดกะหลังรายงาน Z ล่าสุด)</translation>
    </message>
    <message>
        <source>Business day {day}</source>
        <translation>วันทำการ {day}</translation>
    </message>
    <message>
        <source>To do before closing the day:</source>
        <translation>ต้องทำก่อนปิดวัน:</translation>
    </message>
    <message>
        <source>shift #{number} of {who} is still open: close it with a count</source>
        <translation>กะที่ {number} ของ {who} ยังเปิดอยู่ ปิดกะพร้อมนับเงินก่อน</translation>
    </message>
    <message>
        <source>shift #{number} of {who} has a difference of {amount} baht that a manager has not approved</source>
        <translation>กะที่ {number} ของ {who} มีเงินขาด/เกิน {amount} บาท ที่ผู้จัดการยังไม่อนุมัติ</translation>
    </message>
    <message>
        <source>Choose the manager and type the PIN</source>
        <translation>เลือกผู้จัดการและกรอก PIN</translation>
    </message>
    <message>
        <source>Closing the day …</source>
        <translation>กำลังปิดวัน …</translation>
    </message>
    <message>
        <source>Day closed: {number}, net {net} baht.</source>
        <translation>ปิดวันแล้ว: {number} ยอดขายสุทธิ {net} บาท</translation>
    </message>
</context>
<context>
    <name>DayReportView</name>
    <message>
        <source>Copy of {number} queued.</source>
        <translation>เข้าคิวพิมพ์สำเนา {number} แล้ว</translation>
    </message>
    <message>
        <source>No printer set up: the X report is not printed. It is shown here; the manager screen exports the day&apos;s report as PDF.</source>
        <translation>ยังไม่ได้ตั้งค่าเครื่องพิมพ์ จึงไม่ได้พิมพ์รายงาน X ดูรายงานได้ที่หน้าจอนี้ และส่งออกรายงานของวันเป็น PDF ได้ที่หน้าจอผู้จัดการ</translation>
    </message>
    <message>
        <source>Sales ({count} receipts)</source>
        <translation>ยอดขาย ({count} ใบเสร็จ)</translation>
    </message>
    <message>
        <source>Returns ({count})</source>
        <translation>รับคืน ({count})</translation>
    </message>
    <message>
        <source>Voids ({count})</source>
        <translation>ยกเลิก ({count})</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>ยอดขายสุทธิ</translation>
    </message>
    <message>
        <source>Cash expected in the drawer</source>
        <translation>เงินสดที่ควรมีในลิ้นชัก</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>เงินสดที่นับได้</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>ผลต่าง</translation>
    </message>
    <message>
        <source>Grand total (GT)</source>
        <translation>ยอดสะสม (GT)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Baht</source>
        <translation>บาท</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <source>{title} — business day {day}</source>
        <translation>{title} — วันทำการ {day}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Z report {number}</source>
        <translation>รายงาน Z {number}</translation>
    </message>
    <message>
        <source>X report (the day is not closed)</source>
        <translation>รายงาน X (ยังไม่ปิดวัน)</translation>
    </message>
    <message>
        <source>The X report has printed.</source>
        <translation>พิมพ์รายงาน X แล้ว</translation>
    </message>
    <message>
        <source>Printing …</source>
        <translation>กำลังพิมพ์ …</translation>
    </message>
    <message>
        <source>Cannot print: {problem}</source>
        <translation>พิมพ์ไม่ได้: {problem}</translation>
    </message>
</context>
<context>
    <name>DenominationCounter</name>
    <message>
        <source>Note {value}</source>
        <translation>ธนบัตร {value}</translation>
    </message>
    <message>
        <source>Coin {value}</source>
        <translation>เหรียญ {value}</translation>
    </message>
    <message>
        <source>Total {amount} baht</source>
        <translation>รวม {amount} บาท</translation>
    </message>
</context>
<context>
    <name>DisplayPage</name>
    <message>
        <source>Customer display</source>
        <translation>จอลูกค้า</translation>
    </message>
    <message>
        <source>Show the customer display on a second screen</source>
        <translation>แสดงจอลูกค้าบนจอที่สอง</translation>
    </message>
    <message>
        <source>e.g. https://line.me/R/ti/p/@yourshop</source>
        <translation>เช่น ลิงก์เพิ่มเพื่อนไลน์ของร้าน</translation>
    </message>
    <message>
        <source>e.g. Add us on LINE</source>
        <translation>เช่น แอดไลน์ร้านเรา</translation>
    </message>
    <message>
        <source>Each announcement shows for</source>
        <translation>แสดงประกาศแต่ละข้อนาน</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 วินาที</translation>
    </message>
    <message>
        <source>Announcements between sales (one per line)</source>
        <translation>ประกาศของร้านระหว่างรอลูกค้า (บรรทัดละหนึ่งข้อ)</translation>
    </message>
    <message>
        <source>At most %1 lines of %2 characters; shown one after another.</source>
        <translation>ไม่เกิน %1 บรรทัด บรรทัดละไม่เกิน %2 ตัวอักษร แสดงสลับกันทีละข้อ</translation>
    </message>
    <message>
        <source>QR poster (empty: none)</source>
        <translation>โปสเตอร์คิวอาร์ (เว้นว่าง = ไม่แสดง)</translation>
    </message>
    <message>
        <source>Text or link in the QR</source>
        <translation>ข้อความหรือลิงก์ในคิวอาร์</translation>
    </message>
    <message>
        <source>Caption under the QR</source>
        <translation>คำบรรยายใต้คิวอาร์</translation>
    </message>
    <message>
        <source>For example the shop&apos;s LINE, or a check-in QR such as Thai Chana&apos;s.</source>
        <translation>เช่น ไลน์ของร้าน หรือคิวอาร์เช็กอินแบบไทยชนะ</translation>
    </message>
    <message>
        <source>No QR</source>
        <translation>ไม่มีคิวอาร์</translation>
    </message>
    <message>
        <source>Announcements: at most %1 lines.</source>
        <translation>ประกาศ: ไม่เกิน %1 บรรทัด</translation>
    </message>
    <message>
        <source>Announcement %1 is %2 characters long: at most %3.</source>
        <translation>ประกาศข้อ %1 ยาว %2 ตัวอักษร: ไม่เกิน %3 ตัวอักษร</translation>
    </message>
    <message>
        <source>QR poster text: at most %1 characters.</source>
        <translation>ข้อความของคิวอาร์: ไม่เกิน %1 ตัวอักษร</translation>
    </message>
    <message>
        <source>QR poster caption: at most %1 characters.</source>
        <translation>คำบรรยายคิวอาร์: ไม่เกิน %1 ตัวอักษร</translation>
    </message>
</context>
<context>
    <name>DocumentPrinting</name>
    <message>
        <source>No printer set up: {document} is kept and prints once one is set up.</source>
        <translation>ยังไม่ได้ตั้งค่าเครื่องพิมพ์: {document} เก็บไว้แล้ว จะพิมพ์เมื่อตั้งค่าเครื่องพิมพ์</translation>
    </message>
    <message>
        <source>{document} waits for the printer; it retries by itself.</source>
        <translation>{document} รอเครื่องพิมพ์ ระบบจะลองพิมพ์ใหม่เอง</translation>
    </message>
    <message>
        <source>Printing {document}…</source>
        <translation>กำลังพิมพ์{document}…</translation>
    </message>
    <message>
        <source>{document} printed.</source>
        <translation>{document} พิมพ์เสร็จแล้ว</translation>
    </message>
    <message>
        <source>{document} cannot print; see the sales history.</source>
        <translation>{document} พิมพ์ไม่ได้ ดูที่ประวัติการขาย</translation>
    </message>
    <message>
        <source>The manager screen exports the day&apos;s report as PDF.</source>
        <translation>ส่งออกรายงานของวันเป็น PDF ได้ที่หน้าจอผู้จัดการ</translation>
    </message>
    <message>
        <source>The sales history saves it as PDF.</source>
        <translation>บันทึกเป็น PDF ได้ที่ประวัติการขาย</translation>
    </message>
    <message>
        <source>the receipt</source>
        <translation>ใบเสร็จ</translation>
    </message>
    <message>
        <source>the full tax invoice</source>
        <translation>ใบกำกับภาษีเต็มรูป</translation>
    </message>
    <message>
        <source>the credit note</source>
        <translation>ใบลดหนี้</translation>
    </message>
    <message>
        <source>the Z report</source>
        <translation>รายงาน Z</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>เอกสาร</translation>
    </message>
</context>
<context>
    <name>DonePanel</name>
    <message>
        <source>Sale complete</source>
        <translation>ขายเสร็จแล้ว</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>ใบเสร็จ {number}</translation>
    </message>
    <message>
        <source>Full tax invoice {number}</source>
        <translation>ใบกำกับภาษีเต็มรูป {number}</translation>
    </message>
    <message>
        <source>Cash rounding: {amount}</source>
        <translation>ปัดเศษเงินสด: {amount}</translation>
    </message>
    <message>
        <source>Change: {change}</source>
        <translation>เงินทอน: {change}</translation>
    </message>
    <message>
        <source>Next customer: scan the first item, or press Enter.</source>
        <translation>ลูกค้าคนถัดไป: สแกนสินค้าชิ้นแรก หรือกด Enter</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>ยกเลิก (Esc)</translation>
    </message>
    <message>
        <source>OK (Enter)</source>
        <translation>ตกลง (Enter)</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>ปุ่มลัดบนแป้นพิมพ์</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>กลับ (Esc)</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Choose your name first.</source>
        <translation>กรุณาเลือกชื่อของคุณก่อน</translation>
    </message>
    <message>
        <source>That was a scan. Log in first, then scan.</source>
        <translation>นี่คือการสแกนสินค้า กรุณาเข้าสู่ระบบก่อน แล้วจึงสแกน</translation>
    </message>
    <message>
        <source>OTOP Sisaket — counter</source>
        <translation>OTOP ศรีสะเกษ — จุดขาย</translation>
    </message>
    <message>
        <source>Locked — {name}</source>
        <translation>หน้าจอถูกล็อก — {name}</translation>
    </message>
    <message>
        <source>Type your PIN to carry on, or choose another name.</source>
        <translation>ใส่รหัส PIN เพื่อทำงานต่อ หรือเลือกชื่ออื่น</translation>
    </message>
    <message>
        <source>Choose your name and type your PIN, then Enter.</source>
        <translation>เลือกชื่อของคุณ ใส่รหัส PIN แล้วกด Enter</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>รหัส PIN</translation>
    </message>
</context>
<context>
    <name>ManagerApproval</name>
    <message>
        <source>Choose the manager who approves.</source>
        <translation>กรุณาเลือกผู้จัดการที่อนุมัติ</translation>
    </message>
    <message>
        <source>Manager approval needed</source>
        <translation>ต้องให้ผู้จัดการอนุมัติ</translation>
    </message>
</context>
<context>
    <name>ManagerOverview</name>
    <message>
        <source>Net takings by tender</source>
        <translation>ยอดรับสุทธิตามการชำระเงิน</translation>
    </message>
    <message>
        <source>Sales by hour, %1 – %2</source>
        <translation>ยอดขายรายชั่วโมง %1 – %2</translation>
    </message>
    <message>
        <source>%1 receipts — sales %2 baht, returns/voids %3, net %4 baht</source>
        <translation>%1 ใบเสร็จ — ยอดขาย %2 บาท, รับคืน/ยกเลิก %3, สุทธิ %4 บาท</translation>
    </message>
    <message>
        <source>Net sales by category, %1 – %2</source>
        <translation>ยอดขายสุทธิตามประเภทสินค้า %1 – %2</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>เป้าหมาย: %1</translation>
    </message>
    <message>
        <source>Sold this year</source>
        <translation>ขายแล้วปีนี้</translation>
    </message>
    <message>
        <source>Target by today</source>
        <translation>เป้าถึงวันนี้</translation>
    </message>
    <message>
        <source>Yearly target</source>
        <translation>เป้าทั้งปี</translation>
    </message>
    <message>
        <source>Target %1 %2 baht (%3 – %4): sold %5 baht, %6% of the target; %7% of the year gone</source>
        <translation>เป้าหมาย%1 %2 บาท (%3 – %4): ขายแล้ว %5 บาท คิดเป็น %6% ของเป้า เวลาผ่านไป %7% ของปี</translation>
    </message>
    <message>
        <source>Sales by hour, %1</source>
        <translation>ยอดขายรายชั่วโมง %1</translation>
    </message>
    <message>
        <source>Sales by day, %1</source>
        <translation>ยอดขายรายวัน %1</translation>
    </message>
</context>
<context>
    <name>ManagerPin</name>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>รหัส PIN ผู้จัดการ</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>Manager reports</source>
        <translation>รายงานผู้จัดการ</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>ประเภทสินค้า</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>การชำระเงิน</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>ช่วงเวลา</translation>
    </message>
    <message>
        <source>Best sellers</source>
        <translation>สินค้าขายดี</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>ฝากขาย</translation>
    </message>
    <message>
        <source>Government schemes</source>
        <translation>โครงการรัฐ</translation>
    </message>
    <message>
        <source>Discounts/returns/voids</source>
        <translation>ส่วนลด/คืน/ยกเลิก</translation>
    </message>
    <message>
        <source>Business days (Z)</source>
        <translation>วันทำการ (Z)</translation>
    </message>
    <message>
        <source>OTOP Sisaket — manager&apos;s reports</source>
        <translation>OTOP ศรีสะเกษ — รายงานผู้จัดการ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>เดือนนี้</translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation>แสดงรายงาน</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>ส่งออก PDF</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>ส่งออก CSV</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>รายงาน X</translation>
    </message>
    <message>
        <source>Close the day (Z)</source>
        <translation>ปิดวัน (Z)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>ปิด (Esc)</translation>
    </message>
    <message>
        <source>Making the report {start} – {end} …</source>
        <translation>กำลังสร้างรายงาน {start} – {end} …</translation>
    </message>
    <message>
        <source>Report {start} – {end} at {time}</source>
        <translation>รายงาน {start} – {end} ณ {time}</translation>
    </message>
    <message>
        <source>The report could not be made: {problem}</source>
        <translation>ทำรายงานไม่ได้: {problem}</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>บันทึก PDF</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>บันทึก CSV</translation>
    </message>
    <message>
        <source>PDF saved: {path}</source>
        <translation>บันทึก PDF แล้ว: {path}</translation>
    </message>
    <message>
        <source>CSV saved ({rows} rows): {path}</source>
        <translation>บันทึก CSV แล้ว ({rows} แถว): {path}</translation>
    </message>
</context>
<context>
    <name>MenuPanel</name>
    <message>
        <source>Menu</source>
        <translation>เมนู</translation>
    </message>
    <message>
        <source>Returns and voids</source>
        <translation>คืนสินค้า / ยกเลิกบิล</translation>
    </message>
    <message>
        <source>Void the last sale</source>
        <translation>ยกเลิกบิลล่าสุด</translation>
    </message>
    <message>
        <source>Full tax invoice for a past sale</source>
        <translation>ใบกำกับภาษีเต็มรูป (บิลเก่า)</translation>
    </message>
    <message>
        <source>Open the drawer (no sale)</source>
        <translation>เปิดลิ้นชัก (ไม่มีการขาย)</translation>
    </message>
    <message>
        <source>Open a shift (count the float)</source>
        <translation>เปิดกะ (นับเงินทอนตั้งต้น)</translation>
    </message>
    <message>
        <source>Cash in (change brought in)</source>
        <translation>เงินเข้า (แลกเหรียญทอน)</translation>
    </message>
    <message>
        <source>Cash out (to the safe)</source>
        <translation>เงินออก (นำเข้าตู้เซฟ)</translation>
    </message>
    <message>
        <source>Close the shift (count the drawer)</source>
        <translation>ปิดกะ (นับเงินในลิ้นชัก)</translation>
    </message>
    <message>
        <source>Reports and closing the day (manager)</source>
        <translation>รายงานและปิดวัน (ผู้จัดการ)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>กลับ</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Log in first.</source>
        <translation>กรุณาเข้าสู่ระบบก่อน</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>รหัส PIN ไม่ถูกต้อง ลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait {seconds} seconds.</source>
        <translation>ใส่รหัสผิดหลายครั้งเกินไป กรุณารอ {seconds} วินาที</translation>
    </message>
    <message>
        <source>fabrics and clothing</source>
        <translation>ผ้าและเครื่องแต่งกาย</translation>
    </message>
    <message>
        <source>food</source>
        <translation>อาหาร</translation>
    </message>
    <message>
        <source>drinks</source>
        <translation>เครื่องดื่ม</translation>
    </message>
    <message>
        <source>herbal products</source>
        <translation>สมุนไพร</translation>
    </message>
    <message>
        <source>crafts and household goods</source>
        <translation>ของใช้ของตกแต่ง</translation>
    </message>
    <message>
        <source>Only a manager can approve this.</source>
        <translation>ต้องเป็นผู้จัดการเท่านั้นจึงจะอนุมัติได้</translation>
    </message>
    <message>
        <source>Finish or hold the sale first.</source>
        <translation>กรุณาปิดการขายหรือพักบิลก่อน</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>ยังไม่มีสินค้าในบิล</translation>
    </message>
    <message>
        <source>A discount above {limit}% needs a manager&apos;s PIN.</source>
        <translation>ส่วนลดเกิน {limit}% ต้องให้ผู้จัดการใส่รหัส PIN อนุมัติ</translation>
    </message>
    <message>
        <source>Not changed: a discount would go above {limit}%. Change the discount first.</source>
        <translation>ไม่ได้เปลี่ยน: ส่วนลดจะเกิน {limit}% กรุณาแก้ส่วนลดก่อน</translation>
    </message>
    <message>
        <source>The discount is more than the goods cost.</source>
        <translation>ส่วนลดมากกว่าราคาสินค้า</translation>
    </message>
    <message>
        <source>These goods are sold in whole units only.</source>
        <translation>สินค้านี้ขายเป็นหน่วยเต็มเท่านั้น</translation>
    </message>
    <message>
        <source>A scale label&apos;s quantity is fixed by its price.</source>
        <translation>จำนวนของฉลากจากตาชั่งกำหนดตามราคาบนฉลาก แก้ไม่ได้</translation>
    </message>
    <message>
        <source>The quantity must be more than 0.</source>
        <translation>จำนวนต้องมากกว่า 0</translation>
    </message>
    <message>
        <source>Choose a line in the cart first.</source>
        <translation>กรุณาเลือกรายการในบิลก่อน</translation>
    </message>
    <message>
        <source>That cart is no longer held.</source>
        <translation>บิลนี้ไม่ได้พักอยู่แล้ว</translation>
    </message>
    <message>
        <source>The cart changed. Press Pay again.</source>
        <translation>บิลมีการเปลี่ยนแปลง กรุณากดชำระเงินอีกครั้ง</translation>
    </message>
    <message>
        <source>Added {name} — {amount}</source>
        <translation>เพิ่ม {name} — {amount}</translation>
    </message>
    <message>
        <source>Weigh {name}: type the weight in kg</source>
        <translation>ชั่ง {name}: ใส่น้ำหนักเป็นกิโลกรัม</translation>
    </message>
    <message>
        <source>Code {code} is a weight label, but {name} is not sold by weight.</source>
        <translation>รหัส {code} เป็นฉลากน้ำหนัก แต่ {name} ไม่ได้ขายตามน้ำหนัก</translation>
    </message>
    <message>
        <source>Code {code} is not in the catalogue. Search by name, or set it aside.</source>
        <translation>ไม่พบรหัส {code} ในระบบ ค้นหาด้วยชื่อ หรือแยกสินค้าชิ้นนี้ไว้ก่อน</translation>
    </message>
    <message>
        <source>Code {code} was misread (wrong check digit). Scan it again.</source>
        <translation>อ่านรหัส {code} ผิด (เลขตรวจสอบไม่ถูกต้อง) กรุณาสแกนใหม่</translation>
    </message>
    <message>
        <source>Code {code} is not a barcode or SKU. Scan it again.</source>
        <translation>{code} ไม่ใช่บาร์โค้ดหรือรหัสสินค้า กรุณาสแกนใหม่</translation>
    </message>
    <message>
        <source>The cart could not be saved to disk. It is kept; tell the manager.</source>
        <translation>บันทึกบิลลงดิสก์ไม่ได้ บิลยังอยู่ครบ กรุณาแจ้งผู้จัดการ</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <source>The customer scans the QR (PromptPay {amount}). Ctrl+Enter once the transfer has arrived.</source>
        <translation>ให้ลูกค้าสแกน QR (พร้อมเพย์ {amount}) เมื่อเงินโอนเข้าแล้ว กด Ctrl+Enter</translation>
    </message>
    <message>
        <source>Take the payment. Enter completes the sale once it is paid.</source>
        <translation>รับชำระเงิน เมื่อครบแล้วกด Enter เพื่อปิดการขาย</translation>
    </message>
    <message>
        <source>Paid. Enter completes the sale.</source>
        <translation>ชำระครบแล้ว กด Enter เพื่อปิดการขาย</translation>
    </message>
    <message>
        <source>Give {change} change. Enter completes the sale.</source>
        <translation>ทอนเงิน {change} แล้วกด Enter เพื่อปิดการขาย</translation>
    </message>
    <message>
        <source>{due} is still due.</source>
        <translation>ยังค้างชำระ {due}</translation>
    </message>
    <message>
        <source>Tender removed: {amount}.</source>
        <translation>ลบรายการชำระ {amount} แล้ว</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>บันทึกการขายแล้ว</translation>
    </message>
    <message>
        <source>Full tax invoice {number} issued.</source>
        <translation>ออกใบกำกับภาษีเต็มรูป {number} แล้ว</translation>
    </message>
    <message>
        <source>A card, PromptPay or scheme payment was already taken. Esc again drops the tenders and goes back to the cart.</source>
        <translation>รับชำระด้วยบัตร พร้อมเพย์ หรือโครงการรัฐไปแล้ว กด Esc อีกครั้งเพื่อทิ้งรายการชำระทั้งหมดและกลับไปที่ตะกร้า</translation>
    </message>
    <message>
        <source>Code {code} was scanned during the payment. It goes into the cart when you go back (Esc), or into the next sale.</source>
        <translation>สแกนรหัส {code} ระหว่างชำระเงิน: จะใส่ในตะกร้าเมื่อกลับไป (Esc) หรือเข้าบิลถัดไป</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>เงินสด</translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation>พร้อมเพย์</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>บัตร</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>โครงการรัฐ</translation>
    </message>
    <message>
        <source>Back to the cart</source>
        <translation>กลับไปที่ตะกร้า</translation>
    </message>
    <message>
        <source>Remove tender</source>
        <translation>ลบรายการชำระ</translation>
    </message>
    <message>
        <source>Tax invoice</source>
        <translation>ใบกำกับภาษี</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>ปิดการขาย</translation>
    </message>
</context>
<context>
    <name>PaymentSummary</name>
    <message>
        <source>Total to pay</source>
        <translation>ยอดชำระ</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เงินทอน</translation>
    </message>
    <message>
        <source>VAT included {vat}</source>
        <translation>รวม VAT แล้ว {vat}</translation>
    </message>
    <message>
        <source>no VAT {amount}</source>
        <translation>ไม่มี VAT {amount}</translation>
    </message>
    <message>
        <source>discount {amount}</source>
        <translation>ส่วนลด {amount}</translation>
    </message>
    <message>
        <source>Still due</source>
        <translation>ยังค้างชำระ</translation>
    </message>
    <message>
        <source>in cash {amount}</source>
        <translation>เป็นเงินสด {amount}</translation>
    </message>
    <message>
        <source>Full tax invoice to: {name}</source>
        <translation>ใบกำกับภาษีเต็มรูปในนาม: {name}</translation>
    </message>
</context>
<context>
    <name>PaymentTexts</name>
    <message>
        <source>Cash</source>
        <translation>เงินสด</translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation>พร้อมเพย์</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>บัตร</translation>
    </message>
    <message>
        <source>Government scheme</source>
        <translation>โครงการรัฐ</translation>
    </message>
    <message>
        <source>Cash received {amount}</source>
        <translation>รับเงินสด {amount}</translation>
    </message>
    <message>
        <source>{scheme} {amount}
government {government} · customer {buyer} · ref. {reference}</source>
        <translation>{scheme} {amount}
รัฐจ่าย {government} · ลูกค้าจ่าย {buyer} · อ้างอิง {reference}</translation>
    </message>
    <message>
        <source>Card {amount} · approval {code}</source>
        <translation>บัตร {amount} · รหัสอนุมัติ {code}</translation>
    </message>
    <message>
        <source>PromptPay {amount} · received</source>
        <translation>พร้อมเพย์ {amount} · ได้รับเงินแล้ว</translation>
    </message>
    <message>
        <source>Cash back to the customer</source>
        <translation>คืนเงินสดให้ลูกค้า</translation>
    </message>
    <message>
        <source>Back to the card</source>
        <translation>คืนเข้าบัตร</translation>
    </message>
    <message>
        <source>Transfer back (PromptPay)</source>
        <translation>โอนคืน (พร้อมเพย์)</translation>
    </message>
    <message>
        <source>Customer&apos;s share back to their app wallet</source>
        <translation>ส่วนของลูกค้า คืนเข้าแอปเป๋าตัง</translation>
    </message>
    <message>
        <source>Government&apos;s share back to the scheme (never in cash)</source>
        <translation>ส่วนของรัฐ คืนโครงการ (ไม่คืนเป็นเงินสด)</translation>
    </message>
    <message>
        <source>App reference {ref} was already used on receipt {receipt}. Check it.</source>
        <translation>เลขอ้างอิงแอป {ref} ถูกใช้ไปแล้วในใบเสร็จ {receipt} กรุณาตรวจสอบ</translation>
    </message>
    <message>
        <source>App reference {ref} is entered twice.</source>
        <translation>เลขอ้างอิงแอป {ref} ถูกกรอกซ้ำ</translation>
    </message>
    <message>
        <source>{scheme} pays for at most {most} of these goods (not for: {goods}). Pay the rest by another tender.</source>
        <translation>{scheme} จ่ายสินค้าเหล่านี้ได้ไม่เกิน {most} (ไม่ร่วมโครงการ: {goods}) ส่วนที่เหลือชำระด้วยวิธีอื่น</translation>
    </message>
    <message>
        <source>{due} is still due.</source>
        <translation>ยังค้างชำระ {due}</translation>
    </message>
    <message>
        <source>A discount or price change needs a manager&apos;s approval. Go back to the cart (Esc) and let a manager approve it.</source>
        <translation>ส่วนลดหรือราคาที่เปลี่ยนต้องให้ผู้จัดการอนุมัติ กลับไปที่ตะกร้า (Esc) ให้ผู้จัดการอนุมัติก่อน</translation>
    </message>
    <message>
        <source>{scheme} does not pay at this date or time.</source>
        <translation>{scheme} ไม่เปิดให้ใช้ในวันหรือเวลานี้</translation>
    </message>
    <message>
        <source>No shift is open on this till: open one first (count the float) — F11 menu, Ctrl+O.</source>
        <translation>ยังไม่ได้เปิดกะที่เครื่องนี้: เปิดกะก่อน (นับเงินทอนตั้งต้น) — เมนู F11 หรือ Ctrl+O</translation>
    </message>
    <message>
        <source>Not accepted: {detail}</source>
        <translation>ไม่สามารถรับได้: {detail}</translation>
    </message>
    <message>
        <source>The disk is full: the sale was not saved and nothing was recorded; the cart is kept. Tell the manager to free some space, then take the payment again.</source>
        <translation>ดิสก์เต็ม บันทึกการขายไม่ได้ ยังไม่มีสิ่งใดถูกบันทึก ตะกร้ายังอยู่ครบ แจ้งผู้จัดการให้ลบไฟล์ที่ไม่ใช้ แล้วรับชำระใหม่</translation>
    </message>
    <message>
        <source>The sale could not be saved ({detail}). Nothing was recorded; the cart is kept. Try again, or tell the manager.</source>
        <translation>บันทึกการขายไม่ได้ ({detail}) ยังไม่มีสิ่งใดถูกบันทึก ตะกร้ายังอยู่ครบ ลองอีกครั้ง หรือแจ้งผู้จัดการ</translation>
    </message>
</context>
<context>
    <name>PrintStatusLine</name>
    <message>
        <source>Printer: starting…</source>
        <translation>เครื่องพิมพ์: กำลังเริ่มระบบ…</translation>
    </message>
    <message>
        <source>The print queue starts a moment after the till.</source>
        <translation>ระบบพิมพ์จะเริ่มทำงานหลังเปิดเครื่องสักครู่</translation>
    </message>
    <message>
        <source>{count} waiting to print</source>
        <translation>รอพิมพ์ {count} ใบ</translation>
    </message>
    <message>
        <source>Printer not ready</source>
        <translation>เครื่องพิมพ์ไม่พร้อม</translation>
    </message>
    <message>
        <source>Cannot print (touch)</source>
        <translation>พิมพ์ไม่ได้ (แตะ)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>กำลังพิมพ์</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>เครื่องพิมพ์พร้อม</translation>
    </message>
    <message numerus="yes">
        <source>No printer set up · %n waiting</source>
        <translation>
            <numerusform>ยังไม่ได้ตั้งค่าเครื่องพิมพ์ · รอพิมพ์ %n ใบ</numerusform>
        </translation>
    </message>
    <message>
        <source>No printer set up</source>
        <translation>ยังไม่ได้ตั้งค่าเครื่องพิมพ์</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <source>No printer yet</source>
        <translation>ยังไม่ใช้เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Network (LAN, port 9100)</source>
        <translation>เครือข่าย (LAN, พอร์ต 9100)</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>พอร์ตอนุกรม (Serial)</translation>
    </message>
    <message>
        <source>File/device (/dev/usb/lp0)</source>
        <translation>ไฟล์/อุปกรณ์ (/dev/usb/lp0)</translation>
    </message>
    <message>
        <source>80 mm (576 dots)</source>
        <translation>80 มม. (576 จุด)</translation>
    </message>
    <message>
        <source>58 mm (384 dots)</source>
        <translation>58 มม. (384 จุด)</translation>
    </message>
    <message>
        <source>80 mm, narrow head (512 dots)</source>
        <translation>80 มม. หัวแคบ (512 จุด)</translation>
    </message>
    <message>
        <source>Picture (Thai always right)</source>
        <translation>ภาพ (แนะนำ: ไทยถูกต้องทุกเครื่อง)</translation>
    </message>
    <message>
        <source>Text (CP874)</source>
        <translation>ข้อความ (CP874)</translation>
    </message>
    <message>
        <source>Pin 2</source>
        <translation>ขา 2</translation>
    </message>
    <message>
        <source>Pin 5</source>
        <translation>ขา 5</translation>
    </message>
    <message>
        <source>No drawer</source>
        <translation>ไม่มีลิ้นชัก</translation>
    </message>
    <message>
        <source>Receipt printer settings</source>
        <translation>ตั้งค่าเครื่องพิมพ์ใบเสร็จ</translation>
    </message>
    <message>
        <source>Label printer settings</source>
        <translation>ตั้งค่าเครื่องพิมพ์ฉลาก</translation>
    </message>
    <message>
        <source>USB vendor ID</source>
        <translation>รหัสผู้ผลิต USB</translation>
    </message>
    <message>
        <source>USB product ID</source>
        <translation>รหัสรุ่น USB</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>อุปกรณ์</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>ความเร็ว</translation>
    </message>
    <message>
        <source>Address (IP)</source>
        <translation>ที่อยู่ (IP)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>พอร์ต</translation>
    </message>
    <message>
        <source>File/device</source>
        <translation>ไฟล์/อุปกรณ์</translation>
    </message>
    <message>
        <source>The printer&apos;s CP874 slot: {slots}</source>
        <translation>ช่อง CP874 ของเครื่อง: {slots}</translation>
    </message>
    <message>
        <source>Cut the paper at the end</source>
        <translation>ตัดกระดาษเมื่อจบใบ</translation>
    </message>
    <message>
        <source>Ask the printer&apos;s state (paper, cover) before and after printing</source>
        <translation>ถามสถานะเครื่อง (กระดาษ/ฝา) ก่อนและหลังพิมพ์</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>พิมพ์ทดสอบ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>การเชื่อมต่อ</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>กระดาษ</translation>
    </message>
    <message>
        <source>Print mode</source>
        <translation>โหมดพิมพ์</translation>
    </message>
    <message>
        <source>Code page (ESC t)</source>
        <translation>ชุดอักขระ (โค้ดเพจ)</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>ลิ้นชักเก็บเงิน</translation>
    </message>
    <message>
        <source>The settings are not right: {problem}</source>
        <translation>ตั้งค่าไม่ถูกต้อง: {problem}</translation>
    </message>
    <message>
        <source>Choose the connection before a test print</source>
        <translation>เลือกการเชื่อมต่อก่อนพิมพ์ทดสอบ</translation>
    </message>
    <message>
        <source>Test printing on {printer} …</source>
        <translation>กำลังพิมพ์ทดสอบที่ {printer} …</translation>
    </message>
    <message>
        <source>Test print done ({size} bytes)</source>
        <translation>พิมพ์ทดสอบสำเร็จ ({size} ไบต์)</translation>
    </message>
    <message>
        <source>Cannot print: {problem}</source>
        <translation>พิมพ์ไม่ได้: {problem}</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <source>Printers</source>
        <translation>เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Receipt printer and cash drawer…</source>
        <translation>เครื่องพิมพ์ใบเสร็จและลิ้นชักเก็บเงิน…</translation>
    </message>
    <message>
        <source>Barcode label printer…</source>
        <translation>เครื่องพิมพ์ฉลากบาร์โค้ด…</translation>
    </message>
    <message>
        <source>Not set up: documents wait in the print queue.</source>
        <translation>ยังไม่ได้ตั้งค่า: เอกสารรอพิมพ์อยู่ในคิว</translation>
    </message>
    <message>
        <source>Network: {host}:{port}</source>
        <translation>เครือข่าย: {host}:{port}</translation>
    </message>
    <message>
        <source>USB: {vendor:04x}:{product:04x}</source>
        <translation>USB: {vendor:04x}:{product:04x}</translation>
    </message>
    <message>
        <source>Serial port: {device}</source>
        <translation>พอร์ตอนุกรม: {device}</translation>
    </message>
    <message>
        <source>Device file: {path}</source>
        <translation>ไฟล์อุปกรณ์: {path}</translation>
    </message>
</context>
<context>
    <name>PromptPayPage</name>
    <message>
        <source>Enter shows the QR here and on the customer&apos;s screen.</source>
        <translation>กด Enter เพื่อแสดง QR ที่นี่และบนจอลูกค้า</translation>
    </message>
    <message>
        <source>Set the shop&apos;s PromptPay ID, then come back to this payment.</source>
        <translation>ตั้งค่าพร้อมเพย์ของร้าน แล้วกลับมารับชำระรายการนี้ต่อ</translation>
    </message>
    <message>
        <source>Ask a manager to set it up (Menu, Settings, PromptPay).</source>
        <translation>ให้ผู้จัดการตั้งค่า (เมนู → ตั้งค่าร้าน → พร้อมเพย์)</translation>
    </message>
    <message>
        <source>PromptPay is not set up.</source>
        <translation>ยังไม่ได้ตั้งค่าพร้อมเพย์</translation>
    </message>
    <message>
        <source>PromptPay {amount}</source>
        <translation>พร้อมเพย์ {amount}</translation>
    </message>
    <message>
        <source>Press Ctrl+Enter once the transfer has arrived.</source>
        <translation>เมื่อเงินโอนเข้าแล้ว กด Ctrl+Enter</translation>
    </message>
    <message>
        <source>Show the QR first (Enter).</source>
        <translation>กรุณาแสดง QR ก่อน (Enter)</translation>
    </message>
    <message>
        <source>PromptPay QR</source>
        <translation>QR พร้อมเพย์</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Show QR</source>
        <translation>แสดง QR</translation>
    </message>
    <message>
        <source>Transfer received</source>
        <translation>ได้รับเงินโอนแล้ว</translation>
    </message>
    <message>
        <source>Bank reference (optional)</source>
        <translation>เลขอ้างอิงธนาคาร (ถ้ามี)</translation>
    </message>
    <message>
        <source>Set up PromptPay</source>
        <translation>ตั้งค่าพร้อมเพย์</translation>
    </message>
</context>
<context>
    <name>PromptPaySettingsPage</name>
    <message>
        <source>PromptPay</source>
        <translation>พร้อมเพย์</translation>
    </message>
    <message>
        <source>PromptPay ID</source>
        <translation>หมายเลขพร้อมเพย์</translation>
    </message>
    <message>
        <source>e.g. 0812345678</source>
        <translation>เช่น 0812345678</translation>
    </message>
    <message>
        <source>The shop&apos;s mobile number, 13-digit tax ID or 15-digit e-wallet ID. Leave it empty to take no PromptPay.</source>
        <translation>เบอร์มือถือ เลขประจำตัวผู้เสียภาษี 13 หลัก หรือเลขอีวอลเล็ต 15 หลักของร้าน เว้นว่างไว้หากไม่รับพร้อมเพย์</translation>
    </message>
    <message>
        <source>Scan this with a banking app: it must show the shop&apos;s account name.</source>
        <translation>สแกนด้วยแอปธนาคารเพื่อตรวจสอบ ต้องขึ้นชื่อบัญชีของร้าน</translation>
    </message>
    <message>
        <source>This is not a PromptPay ID: use a mobile number (e.g. 081-234-5678), a 13-digit tax or national ID, or a 15-digit e-wallet ID.</source>
        <translation>หมายเลขพร้อมเพย์ไม่ถูกต้อง ใช้เบอร์มือถือ (เช่น 081-234-5678) เลขประจำตัวผู้เสียภาษีหรือเลขบัตรประชาชน 13 หลัก หรือเลขอีวอลเล็ต 15 หลัก</translation>
    </message>
</context>
<context>
    <name>QuickKeys</name>
    <message>
        <source>Quick keys (F3) · page {page} of {pages}</source>
        <translation>ปุ่มลัดสินค้า (F3) · หน้า {page}/{pages}</translation>
    </message>
    <message>
        <source>Fabrics</source>
        <translation>ผ้า</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>อาหาร</translation>
    </message>
    <message>
        <source>Drinks</source>
        <translation>เครื่องดื่ม</translation>
    </message>
    <message>
        <source>Herbal</source>
        <translation>สมุนไพร</translation>
    </message>
    <message>
        <source>Crafts</source>
        <translation>ของที่ระลึก</translation>
    </message>
</context>
<context>
    <name>RecallPanel</name>
    <message>
        <source>Held carts — choose one to bring back</source>
        <translation>บิลที่พักไว้ — เลือกบิลที่จะเรียกกลับ</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>กลับ (Esc)</translation>
    </message>
</context>
<context>
    <name>ReceiptHeaderDialog</name>
    <message>
        <source>Type the centre&apos;s name</source>
        <translation>ใส่ชื่อศูนย์</translation>
    </message>
    <message>
        <source>The address is too long</source>
        <translation>ที่อยู่ยาวเกินไป</translation>
    </message>
    <message>
        <source>The tax ID must be 13 digits with a correct check digit</source>
        <translation>เลขประจำตัวผู้เสียภาษีต้องมี 13 หลักและหลักตรวจสอบถูกต้อง</translation>
    </message>
    <message>
        <source>Branch: head office, or the branch&apos;s 5 digits</source>
        <translation>สาขา: สำนักงานใหญ่ หรือเลขสาขา 5 หลัก</translation>
    </message>
    <message>
        <source>Till name: 1-16 capital letters or digits</source>
        <translation>ชื่อเครื่อง: ตัวอักษรภาษาอังกฤษตัวใหญ่หรือตัวเลข 1-16 ตัว</translation>
    </message>
    <message>
        <source>Approval number: capital letters, digits, - and /, at most 30</source>
        <translation>เลขที่อนุมัติ: ตัวอักษรภาษาอังกฤษตัวใหญ่ ตัวเลข - และ / ไม่เกิน 30 ตัว</translation>
    </message>
    <message>
        <source>Receipt footer: at most 6 lines</source>
        <translation>ข้อความท้ายใบเสร็จ: ไม่เกิน 6 บรรทัด</translation>
    </message>
    <message>
        <source>The phone number is too long</source>
        <translation>เบอร์โทรศัพท์ยาวเกินไป</translation>
    </message>
    <message>
        <source>It has control characters that cannot be printed or sent: delete them and type again</source>
        <translation>มีอักขระควบคุมที่พิมพ์และส่งไม่ได้ ลบออกแล้วพิมพ์ใหม่</translation>
    </message>
    <message>
        <source>Receipt header and footer / tax invoice</source>
        <translation>หัวและท้ายใบเสร็จ / ใบกำกับภาษี</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>13 digits, e.g. 0-9940-00123-45-6</source>
        <translation>13 หลัก เช่น 0-9940-00123-45-6</translation>
    </message>
    <message>
        <source>Head office, or the branch&apos;s 5 digits</source>
        <translation>สำนักงานใหญ่ หรือเลขสาขา 5 หลัก</translation>
    </message>
    <message>
        <source>The till&apos;s name, e.g. POS01</source>
        <translation>ชื่อเครื่อง เช่น POS01</translation>
    </message>
    <message>
        <source>Leave empty until the machine is approved</source>
        <translation>ว่างไว้ถ้ายังไม่ได้รับอนุมัติ</translation>
    </message>
    <message>
        <source>A new till name starts a new series of document numbers (old numbers are never reused)</source>
        <translation>เปลี่ยนชื่อเครื่องแล้วเลขที่เอกสารจะเริ่มชุดใหม่ (เลขเดิมไม่ถูกใช้ซ้ำ)</translation>
    </message>
    <message>
        <source>Given by the Revenue Department (Por Por 06); printed on abbreviated tax invoices</source>
        <translation>ที่กรมสรรพากรให้ (ภ.พ.06) พิมพ์บนใบกำกับภาษีอย่างย่อ</translation>
    </message>
    <message>
        <source>VAT registered (issues abbreviated tax invoices)</source>
        <translation>จดทะเบียนภาษีมูลค่าเพิ่ม (ออกใบกำกับภาษีอย่างย่อ)</translation>
    </message>
    <message>
        <source>Centre&apos;s name</source>
        <translation>ชื่อศูนย์</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษี</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>ชื่อเครื่อง</translation>
    </message>
    <message>
        <source>POS approval number</source>
        <translation>เลขที่อนุมัติ POS</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>ข้อความท้ายใบเสร็จ</translation>
    </message>
</context>
<context>
    <name>ReportTabs</name>
    <message>
        <source>Discount / price change</source>
        <translation>ส่วนลด/เปลี่ยนราคา</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>รับคืน</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Government share</source>
        <translation>ส่วนรัฐ</translation>
    </message>
    <message>
        <source>Customer share</source>
        <translation>ส่วนลูกค้า</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>ราคาขาย</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>ยอดขาย</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>สุทธิ</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>สัดส่วน</translation>
    </message>
    <message>
        <source>Cash: received / change</source>
        <translation>เงินสด: รับจากลูกค้า / ทอน</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>การชำระ</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>ครั้ง</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>รับ</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>คืน</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>ช่วงเวลา</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>ใบเสร็จ</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>ที่</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Producer group</source>
        <translation>กลุ่มผู้ผลิต</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>รวม</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>อัตรา</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>ค่าคอมมิชชั่น</translation>
    </message>
    <message>
        <source>Owed to the group</source>
        <translation>ค้างจ่ายกลุ่ม</translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation>วันที่ขาย</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <source>Paid in on</source>
        <translation>เข้าบัญชี</translation>
    </message>
    <message>
        <source>Baht</source>
        <translation>บาท</translation>
    </message>
    <message>
        <source>Within the cashier&apos;s limit</source>
        <translation>ภายในวงเงินแคชเชียร์</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>ผู้อนุมัติ</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>ใบลดหนี้</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Original receipt</source>
        <translation>ใบเสร็จเดิม</translation>
    </message>
    <message>
        <source>Cash refunded</source>
        <translation>คืนเงินสด</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>แคชเชียร์</translation>
    </message>
    <message>
        <source>Price cut</source>
        <translation>ลดราคา</translation>
    </message>
    <message>
        <source>Z number</source>
        <translation>เลขที่ Z</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>วันทำการ</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>ปิดเมื่อ</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>ผู้ปิด</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>เงินสดควรมี</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>นับได้</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>ผลต่าง</translation>
    </message>
</context>
<context>
    <name>ReturnActions</name>
    <message>
        <source>Reason (on the credit note)</source>
        <translation>เหตุผล (พิมพ์บนใบลดหนี้)</translation>
    </message>
    <message>
        <source>All of line</source>
        <translation>คืนทั้งรายการ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>คืนทั้งบิล</translation>
    </message>
    <message>
        <source>Refund everything in cash (customer asks)</source>
        <translation>คืนเป็นเงินสดทั้งหมด (ลูกค้าขอ)</translation>
    </message>
    <message>
        <source>Void the sale</source>
        <translation>ยกเลิกบิลนี้</translation>
    </message>
    <message>
        <source>Tax invoice</source>
        <translation>ใบกำกับภาษี</translation>
    </message>
    <message>
        <source>Return the goods (manager&apos;s PIN)</source>
        <translation>รับคืนสินค้า (PIN ผู้จัดการ)</translation>
    </message>
</context>
<context>
    <name>ReturnLinesTable</name>
    <message>
        <source>Item</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>ขาย</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>คืนแล้ว</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>ยอดเงิน</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>คืนครั้งนี้</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>ยอดคืน</translation>
    </message>
</context>
<context>
    <name>ReturnTexts</name>
    <message>
        <source>total {total}</source>
        <translation>ยอดรวม {total}</translation>
    </message>
    <message>
        <source>Credit note {number}: {total}</source>
        <translation>ใบลดหนี้ {number}: {total}</translation>
    </message>
    <message>
        <source>Full tax invoice {number} to {name}</source>
        <translation>ใบกำกับภาษีเต็มรูป {number} ในนาม {name}</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>Refund {total}</source>
        <translation>ยอดคืน {total}</translation>
    </message>
    <message>
        <source>Pay out in cash: {amount}</source>
        <translation>จ่ายคืนเงินสด: {amount}</translation>
    </message>
    <message>
        <source>Credit note {number}</source>
        <translation>ใบลดหนี้ {number}</translation>
    </message>
    <message>
        <source>No cash to pay out</source>
        <translation>ไม่ต้องจ่ายเงินสดคืน</translation>
    </message>
    <message>
        <source>{amount} goes back to the scheme (government share), not to the customer.</source>
        <translation>{amount} คืนให้โครงการ (ส่วนของรัฐ) ไม่ได้คืนให้ลูกค้า</translation>
    </message>
    <message>
        <source>Scan another receipt, or Esc.</source>
        <translation>สแกนใบเสร็จใบอื่น หรือกด Esc</translation>
    </message>
</context>
<context>
    <name>ReturnsScreen</name>
    <message>
        <source>Scan the barcode on the receipt, or type its number.</source>
        <translation>สแกนบาร์โค้ดบนใบเสร็จ หรือพิมพ์เลขที่ใบเสร็จ</translation>
    </message>
    <message>
        <source>Scan the receipt (or type its number and press Enter).</source>
        <translation>สแกนใบเสร็จ (หรือพิมพ์เลขที่แล้วกด Enter)</translation>
    </message>
    <message>
        <source>No sale on this till today.</source>
        <translation>วันนี้ยังไม่มีการขายที่เครื่องนี้</translation>
    </message>
    <message>
        <source>No sale with receipt {number} is stored on this till.</source>
        <translation>ไม่พบใบเสร็จ {number} ในเครื่องนี้</translation>
    </message>
    <message>
        <source>Choose what comes back: ↑↓ a line, F3 all of it, F4 a quantity, F5 everything. Then the reason and Enter.</source>
        <translation>เลือกสินค้าที่คืน: ↑↓ เลือกรายการ, F3 คืนทั้งรายการ, F4 ระบุจำนวน, F5 คืนทั้งบิล แล้วพิมพ์เหตุผลและกด Enter</translation>
    </message>
    <message>
        <source>Type a quantity such as 1, or a weight in kg such as 0.5</source>
        <translation>พิมพ์จำนวน เช่น 1 หรือน้ำหนักเป็นกิโลกรัม เช่น 0.5</translation>
    </message>
    <message>
        <source>Between 0 and {left}, in whole units unless weighed.</source>
        <translation>ระหว่าง 0 ถึง {left} เป็นจำนวนเต็ม ยกเว้นสินค้าชั่งน้ำหนัก</translation>
    </message>
    <message>
        <source>Quantity of {name} to return</source>
        <translation>จำนวน {name} ที่คืน</translation>
    </message>
    <message>
        <source>At most {left}.</source>
        <translation>ไม่เกิน {left}</translation>
    </message>
    <message>
        <source>Nothing chosen yet.</source>
        <translation>ยังไม่ได้เลือกสินค้าที่คืน</translation>
    </message>
    <message>
        <source>Find the sale first: scan its receipt.</source>
        <translation>กรุณาค้นหาบิลก่อน: สแกนใบเสร็จ</translation>
    </message>
    <message>
        <source>Choose at least one line to return (F3, F4 or F5).</source>
        <translation>กรุณาเลือกสินค้าที่คืนอย่างน้อยหนึ่งรายการ (F3, F4 หรือ F5)</translation>
    </message>
    <message>
        <source>Return goods of receipt {number}</source>
        <translation>รับคืนสินค้าจากใบเสร็จ {number}</translation>
    </message>
    <message>
        <source>Void the whole receipt {number}</source>
        <translation>ยกเลิกใบเสร็จ {number} ทั้งบิล</translation>
    </message>
    <message>
        <source>Type the reason first (it goes on the credit note).</source>
        <translation>กรุณาพิมพ์เหตุผลก่อน (พิมพ์บนใบลดหนี้)</translation>
    </message>
    <message>
        <source>The manager&apos;s PIN is not right.</source>
        <translation>รหัส PIN ของผู้จัดการไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>{what}: a manager types their PIN.</source>
        <translation>{what}: ผู้จัดการกรอกรหัส PIN</translation>
    </message>
    <message>
        <source>Credit note {number} stored.</source>
        <translation>บันทึกใบลดหนี้ {number} แล้ว</translation>
    </message>
    <message>
        <source>Full tax invoice {number} issued.</source>
        <translation>ออกใบกำกับภาษีเต็มรูป {number} แล้ว</translation>
    </message>
    <message>
        <source>Returns · voids · tax invoices for past sales</source>
        <translation>คืนสินค้า · ยกเลิกบิล · ใบกำกับภาษีของบิลที่ขายแล้ว</translation>
    </message>
    <message>
        <source>Receipt number (scan or type), Enter</source>
        <translation>เลขที่ใบเสร็จ (สแกนหรือพิมพ์) แล้วกด Enter</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>ค้นหา</translation>
    </message>
    <message>
        <source>Back to the cart</source>
        <translation>กลับไปที่ตะกร้า</translation>
    </message>
</context>
<context>
    <name>SaleQuestions</name>
    <message>
        <source>Type the weight in kg, e.g. 0.5 or 1.250</source>
        <translation>ใส่น้ำหนักเป็นกิโลกรัม เช่น 0.5 หรือ 1.250</translation>
    </message>
    <message>
        <source>Added {name}, {weight} kg</source>
        <translation>เพิ่ม {name} {weight} กก.</translation>
    </message>
    <message>
        <source>Weight of {name}</source>
        <translation>น้ำหนักของ {name}</translation>
    </message>
    <message>
        <source>Type the weight shown on the scale, in kg (e.g. 1.250), then Enter.</source>
        <translation>ใส่น้ำหนักที่ตาชั่งแสดง เป็นกิโลกรัม (เช่น 1.250) แล้วกด Enter</translation>
    </message>
    <message>
        <source>Type a quantity such as 3, or 1.5 for weighed goods</source>
        <translation>ใส่จำนวน เช่น 3 หรือ 1.5 สำหรับสินค้าชั่งน้ำหนัก</translation>
    </message>
    <message>
        <source>Quantity of {name}</source>
        <translation>จำนวนของ {name}</translation>
    </message>
    <message>
        <source>Now {quantity}. Type the new quantity ({unit}), then Enter.</source>
        <translation>ตอนนี้ {quantity} ใส่จำนวนใหม่ ({unit}) แล้วกด Enter</translation>
    </message>
    <message>
        <source>Discount {discount} on {name}</source>
        <translation>ส่วนลด {discount} สำหรับ {name}</translation>
    </message>
    <message>
        <source>Discount on {name}</source>
        <translation>ส่วนลดสำหรับ {name}</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>ยังไม่มีสินค้าในบิล</translation>
    </message>
    <message>
        <source>Bill discount {discount}</source>
        <translation>ส่วนลดท้ายบิล {discount}</translation>
    </message>
    <message>
        <source>Discount on the whole bill</source>
        <translation>ส่วนลดท้ายบิล (ทั้งบิล)</translation>
    </message>
    <message>
        <source>Choose the manager who approves.</source>
        <translation>กรุณาเลือกผู้จัดการที่อนุมัติ</translation>
    </message>
    <message>
        <source>{what}: approved by {manager}</source>
        <translation>{what}: อนุมัติโดย {manager}</translation>
    </message>
    <message>
        <source>{what} is above the limit of {limit}%. A manager types their PIN.</source>
        <translation>{what} เกินวงเงิน {limit}% ผู้จัดการต้องใส่รหัส PIN</translation>
    </message>
    <message>
        <source>Manager approval needed</source>
        <translation>ต้องให้ผู้จัดการอนุมัติ</translation>
    </message>
    <message>
        <source>Type 10% for a percentage, or an amount in baht such as 50</source>
        <translation>ใส่ 10% สำหรับเปอร์เซ็นต์ หรือจำนวนบาท เช่น 50</translation>
    </message>
    <message>
        <source>Type 10% or an amount in baht. Empty removes it. Above {limit}% a manager approves.</source>
        <translation>ใส่ 10% หรือจำนวนบาท เว้นว่างเพื่อยกเลิกส่วนลด เกิน {limit}% ผู้จัดการต้องอนุมัติ</translation>
    </message>
    <message>
        <source>Sale cancelled.</source>
        <translation>ยกเลิกบิลแล้ว</translation>
    </message>
    <message>
        <source>Cancel the whole sale ({total})?</source>
        <translation>ยกเลิกบิลทั้งหมด ({total}) ใช่หรือไม่?</translation>
    </message>
    <message>
        <source>Enter cancels the sale; Esc goes back to it.</source>
        <translation>กด Enter เพื่อยกเลิกบิล หรือ Esc เพื่อกลับไปขายต่อ</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n ชิ้น</numerusform>
        </translation>
    </message>
    <message>
        <source>Add the code scanned or typed</source>
        <translation>เพิ่มสินค้าตามรหัสที่สแกนหรือพิมพ์</translation>
    </message>
    <message>
        <source>Choose a line in the cart</source>
        <translation>เลือกรายการในบิล</translation>
    </message>
    <message>
        <source>One more / one fewer of the line</source>
        <translation>เพิ่ม / ลด จำนวนทีละ 1</translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation>ลบรายการ</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>รายการปุ่มลัดนี้</translation>
    </message>
    <message>
        <source>Search by name or SKU</source>
        <translation>ค้นหาด้วยชื่อหรือรหัสสินค้า</translation>
    </message>
    <message>
        <source>Quick keys (goods without a barcode)</source>
        <translation>ปุ่มลัดสินค้า (สินค้าไม่มีบาร์โค้ด)</translation>
    </message>
    <message>
        <source>Set the quantity or weight of the line</source>
        <translation>แก้จำนวนหรือน้ำหนักของรายการ</translation>
    </message>
    <message>
        <source>Discount on the line</source>
        <translation>ส่วนลดรายการ</translation>
    </message>
    <message>
        <source>Hold (park) the cart</source>
        <translation>พักบิล</translation>
    </message>
    <message>
        <source>Bring back a held cart</source>
        <translation>เรียกบิลที่พักไว้</translation>
    </message>
    <message>
        <source>Language: Thai / English</source>
        <translation>ภาษา: ไทย / อังกฤษ</translation>
    </message>
    <message>
        <source>Returns and voids (scan the receipt)</source>
        <translation>คืนสินค้าและยกเลิกบิล (สแกนใบเสร็จ)</translation>
    </message>
    <message>
        <source>Menu: returns, voids, tax invoice, no sale</source>
        <translation>เมนู: คืนสินค้า ยกเลิกบิล ใบกำกับภาษี เปิดลิ้นชัก</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>ชำระเงิน</translation>
    </message>
    <message>
        <source>Void the last sale</source>
        <translation>ยกเลิกบิลล่าสุด</translation>
    </message>
    <message>
        <source>Full tax invoice for a past sale</source>
        <translation>ใบกำกับภาษีเต็มรูป (บิลเก่า)</translation>
    </message>
    <message>
        <source>Open the drawer without a sale</source>
        <translation>เปิดลิ้นชักโดยไม่มีการขาย</translation>
    </message>
    <message>
        <source>Open a shift (count the float)</source>
        <translation>เปิดกะ (นับเงินทอนตั้งต้น)</translation>
    </message>
    <message>
        <source>Cancel the whole sale</source>
        <translation>ยกเลิกบิลทั้งหมด</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>ล็อกหน้าจอ</translation>
    </message>
    <message>
        <source>Back to the scan field</source>
        <translation>กลับไปช่องสแกน</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <source>Added {name}</source>
        <translation>เพิ่ม {name}</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>ยังไม่มีสินค้าในบิล</translation>
    </message>
    <message>
        <source>Weighed goods: set the weight with F4.</source>
        <translation>สินค้าชั่งน้ำหนัก: แก้น้ำหนักด้วย F4</translation>
    </message>
    <message>
        <source>Removed {name}</source>
        <translation>ลบ {name} แล้ว</translation>
    </message>
    <message numerus="yes">
        <source>Cart held: %n item(s), {total}. F8 brings it back.</source>
        <translation>
            <numerusform>พักบิลแล้ว: %n ชิ้น {total} กด F8 เพื่อเรียกกลับ</numerusform>
        </translation>
    </message>
    <message>
        <source>No carts are held.</source>
        <translation>ไม่มีบิลที่พักไว้</translation>
    </message>
    <message>
        <source>Cart brought back.</source>
        <translation>เรียกบิลกลับมาแล้ว</translation>
    </message>
    <message>
        <source>The cart that was on the counter is held (F8).</source>
        <translation>บิลที่ค้างอยู่ถูกพักไว้แทน (F8)</translation>
    </message>
    <message>
        <source>Sale complete. Next customer.</source>
        <translation>ปิดการขายแล้ว เชิญลูกค้าคนถัดไป</translation>
    </message>
    <message>
        <source>Scan or type a barcode or SKU, then Enter</source>
        <translation>สแกนหรือพิมพ์บาร์โค้ด/รหัสสินค้า แล้วกด Enter</translation>
    </message>
    <message>
        <source>One fewer</source>
        <translation>ลด 1</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>เพิ่ม 1</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบรายการ</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>ส่วนลดรายการ</translation>
    </message>
    <message>
        <source>Bill discount</source>
        <translation>ส่วนลดท้ายบิล</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>พักบิล</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>เรียกบิล</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>ยกเลิกบิล</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>ชำระเงิน</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>เมนู</translation>
    </message>
</context>
<context>
    <name>SalesChart</name>
    <message>
        <source>Baht</source>
        <translation>บาท</translation>
    </message>
    <message>
        <source>no sales</source>
        <translation>ไม่มียอดขาย</translation>
    </message>
    <message>
        <source>%1: %2 baht</source>
        <translation>%1: %2 บาท</translation>
    </message>
    <message>
        <source>Million baht</source>
        <translation>ล้านบาท</translation>
    </message>
</context>
<context>
    <name>SalesHistoryDialog</name>
    <message>
        <source>Copy of {number} queued.</source>
        <translation>เข้าคิวพิมพ์สำเนา {number} แล้ว</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>เอกสาร</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>ยอดเงิน</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>ชำระ / คืนโดย</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>การพิมพ์</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>พิมพ์ไม่ได้</translation>
    </message>
    <message>
        <source>Waiting to print</source>
        <translation>รอพิมพ์</translation>
    </message>
    <message>
        <source>Printed {at}</source>
        <translation>พิมพ์แล้ว {at}</translation>
    </message>
    <message>
        <source>Copies {count}</source>
        <translation>สำเนา {count}</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>ไม่ได้สั่งพิมพ์</translation>
    </message>
    <message>
        <source>{note} (receipt {number})</source>
        <translation>{note} (ใบเสร็จ {number})</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>ขาย</translation>
    </message>
    <message>
        <source>Sales history / reprint</source>
        <translation>ประวัติการขาย / พิมพ์ซ้ำ</translation>
    </message>
    <message>
        <source>Scan or type a document number, then Enter</source>
        <translation>สแกนหรือพิมพ์เลขที่เอกสาร แล้วกด Enter</translation>
    </message>
    <message>
        <source>Day before</source>
        <translation>วันก่อน</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>วันถัดไป</translation>
    </message>
    <message>
        <source>Print a copy</source>
        <translation>พิมพ์สำเนา</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>บันทึก PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>{sales} receipts, {others} other documents</source>
        <translation>{sales} ใบเสร็จ, {others} เอกสารอื่น</translation>
    </message>
    <message>
        <source>No document numbered {number}</source>
        <translation>ไม่พบเอกสารเลขที่ {number}</translation>
    </message>
    <message>
        <source>Could not save {path}: {problem}</source>
        <translation>บันทึก {path} ไม่ได้: {problem}</translation>
    </message>
    <message>
        <source>{number} saved as a PDF: {path}</source>
        <translation>บันทึก {number} เป็น PDF แล้ว: {path}</translation>
    </message>
</context>
<context>
    <name>SchemeFields</name>
    <message>
        <source>Cap (baht)</source>
        <translation>วงเงิน (บาท)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
</context>
<context>
    <name>SchemePage</name>
    <message>
        <source>No government scheme pays today.</source>
        <translation>วันนี้ไม่มีโครงการรัฐที่ใช้ได้</translation>
    </message>
    <message>
        <source>{scheme} (phase {phase}): the government pays {share}</source>
        <translation>{scheme} (ระยะ {phase}): รัฐจ่าย {share}</translation>
    </message>
    <message>
        <source>Nothing is left to pay: Enter completes the sale.</source>
        <translation>ชำระครบแล้ว ไม่มีอะไรต้องกรอกที่หน้านี้ กด Enter เพื่อปิดการขาย</translation>
    </message>
    <message>
        <source>No government scheme pays today, so there is nothing to enter here. Pay by cash (F1), PromptPay (F2) or card (F3).</source>
        <translation>วันนี้ไม่มีโครงการรัฐที่ใช้ได้ จึงไม่มีอะไรต้องกรอกที่หน้านี้ ชำระด้วยเงินสด (F1) พร้อมเพย์ (F2) หรือบัตร (F3)</translation>
    </message>
    <message>
        <source>up to {cap} per person per day</source>
        <translation>ไม่เกิน {cap} ต่อคนต่อวัน</translation>
    </message>
    <message>
        <source>Goods it pays for: {eligible}</source>
        <translation>สินค้าที่ร่วมโครงการ: {eligible}</translation>
    </message>
    <message>
        <source>Not paid by the scheme: {goods}. Pay these by another tender.</source>
        <translation>ไม่ร่วมโครงการ: {goods} ชำระส่วนนี้ด้วยวิธีอื่น</translation>
    </message>
    <message>
        <source>Government pays {government} · customer pays {buyer}</source>
        <translation>รัฐจ่าย {government} · ลูกค้าจ่าย {buyer}</translation>
    </message>
    <message>
        <source>{scheme} pays for at most {left} of these goods. Pay the rest by another tender.</source>
        <translation>{scheme} จ่ายสินค้าเหล่านี้ได้ไม่เกิน {left} ส่วนที่เหลือชำระด้วยวิธีอื่น</translation>
    </message>
    <message>
        <source>The government pays at most {most} of {amount}.</source>
        <translation>รัฐจ่ายได้ไม่เกิน {most} จากยอด {amount}</translation>
    </message>
    <message>
        <source>Type the transaction reference shown in the app.</source>
        <translation>กรุณาพิมพ์เลขอ้างอิงรายการจากแอป</translation>
    </message>
    <message>
        <source>Government scheme</source>
        <translation>โครงการรัฐ</translation>
    </message>
    <message>
        <source>One tender per person&apos;s app transaction. F4 again: next scheme.</source>
        <translation>หนึ่งรายการต่อการจ่ายผ่านแอปของแต่ละคน กด F4 อีกครั้ง: โครงการถัดไป</translation>
    </message>
    <message>
        <source>Amount through the app (government + customer)</source>
        <translation>ยอดที่จ่ายผ่านแอป (รัฐ + ลูกค้า)</translation>
    </message>
    <message>
        <source>The app&apos;s transaction reference</source>
        <translation>เลขอ้างอิงรายการในแอป</translation>
    </message>
    <message>
        <source>Government share shown in the app, only if less (else empty)</source>
        <translation>ส่วนที่รัฐจ่ายตามแอป เฉพาะเมื่อน้อยกว่าปกติ (ไม่เช่นนั้นเว้นว่าง)</translation>
    </message>
</context>
<context>
    <name>SchemeTexts</name>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Thai name</source>
        <translation>ชื่อภาษาไทย</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>ชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>Government pays (%)</source>
        <translation>รัฐจ่าย (%)</translation>
    </message>
    <message>
        <source>Cap per person per day (baht)</source>
        <translation>วงเงินต่อคนต่อวัน (บาท)</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>ระยะ</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>วันแรก</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>วันสุดท้าย</translation>
    </message>
    <message>
        <source>Cap per person (baht)</source>
        <translation>วงเงินต่อคน (บาท)</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ยังไม่ได้กรอก</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>ยาวเกินไป</translation>
    </message>
    <message>
        <source>use 1-32 of a-z, 0-9 and _</source>
        <translation>ใช้ a-z, 0-9 และ _ ได้ 1-32 ตัว</translation>
    </message>
    <message>
        <source>{other} is already used</source>
        <translation>{other} มีอยู่แล้ว</translation>
    </message>
    <message>
        <source>is before the first day</source>
        <translation>อยู่ก่อนวันแรก</translation>
    </message>
    <message>
        <source>overlaps phase {other}</source>
        <translation>ซ้อนกับระยะที่ {other}</translation>
    </message>
    <message>
        <source>must be more than zero (empty: no cap)</source>
        <translation>ต้องมากกว่าศูนย์ (เว้นว่าง = ไม่จำกัด)</translation>
    </message>
    <message>
        <source>must be from 0.01 to 100</source>
        <translation>ต้องอยู่ระหว่าง 0.01 ถึง 100</translation>
    </message>
    <message>
        <source>cannot change once the phase has started</source>
        <translation>เปลี่ยนไม่ได้เมื่อระยะเริ่มแล้ว</translation>
    </message>
    <message>
        <source>would take back days up to today (sales used them)</source>
        <translation>จะตัดวันที่ผ่านมาจนถึงวันนี้ออก (มีการขายในวันเหล่านั้นแล้ว)</translation>
    </message>
    <message>
        <source>{other} has not started yet: remove it instead</source>
        <translation>ระยะที่ {other} ยังไม่เริ่ม ให้ลบแทน</translation>
    </message>
    <message>
        <source>{other} has already ended</source>
        <translation>ระยะที่ {other} สิ้นสุดไปแล้ว</translation>
    </message>
    <message>
        <source>{other} has started and is kept: end it instead</source>
        <translation>ระยะที่ {other} เริ่มแล้ว ลบไม่ได้ ให้สิ้นสุดระยะแทน</translation>
    </message>
    <message>
        <source>{other} is the scheme&apos;s only phase</source>
        <translation>ระยะที่ {other} เป็นระยะเดียวของโครงการ</translation>
    </message>
    <message>
        <source>{other} does not exist</source>
        <translation>ไม่มี {other}</translation>
    </message>
    <message>
        <source>is not a date (write e.g. {example})</source>
        <translation>ไม่ใช่วันที่ (พิมพ์ เช่น {example})</translation>
    </message>
    <message>
        <source>is not an amount in baht (e.g. 150 or 1,200.50; empty: no cap)</source>
        <translation>ไม่ใช่จำนวนเงินบาท (เช่น 150 หรือ 1,200.50 เว้นว่าง = ไม่จำกัด)</translation>
    </message>
    <message>
        <source>is not a percent (e.g. 50)</source>
        <translation>ไม่ใช่เปอร์เซ็นต์ (เช่น 50)</translation>
    </message>
    <message>
        <source>to come</source>
        <translation>ยังไม่เริ่ม</translation>
    </message>
    <message>
        <source>running</source>
        <translation>กำลังใช้</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>สิ้นสุดแล้ว</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>ไม่จำกัด</translation>
    </message>
</context>
<context>
    <name>SchemesPage</name>
    <message>
        <source>Co-pay schemes</source>
        <translation>โครงการรัฐร่วมจ่าย</translation>
    </message>
    <message>
        <source>New phase</source>
        <translation>เพิ่มระยะ</translation>
    </message>
    <message>
        <source>End today</source>
        <translation>สิ้นสุดวันนี้</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบระยะ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>ใช้ค่านี้</translation>
    </message>
    <message>
        <source>Day/month/year, Buddhist or Common era, e.g. %1</source>
        <translation>วัน/เดือน/ปี เป็น พ.ศ. หรือ ค.ศ. ก็ได้ เช่น %1</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>ไม่จำกัด</translation>
    </message>
    <message>
        <source>New scheme</source>
        <translation>เพิ่มโครงการ</translation>
    </message>
    <message>
        <source>Phase %1</source>
        <translation>ระยะที่ %1</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: Thai or English name, or SKU (F2)</source>
        <translation>ค้นหา: ชื่อไทย/อังกฤษ หรือรหัสสินค้า (F2)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>{field} ({key}) was not saved: {problem} (allowed: {allowed})</source>
        <translation>{field} ({key}) ยังไม่ได้บันทึก: {problem} (ค่าที่ใช้ได้: {allowed})</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Shop details and tax status</source>
        <translation>ข้อมูลร้านและสถานะภาษี</translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation>พร้อมเพย์</translation>
    </message>
    <message>
        <source>Cash rounding and screen lock</source>
        <translation>การปัดเศษเงินสดและล็อกหน้าจอ</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Co-pay schemes and phases</source>
        <translation>โครงการรัฐและระยะโครงการ</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>จอลูกค้า</translation>
    </message>
    <message>
        <source>Saved. The counter uses the new settings now.</source>
        <translation>บันทึกแล้ว เครื่องใช้ค่าใหม่ทันที</translation>
    </message>
    <message>
        <source>Not saved: see the message in red.</source>
        <translation>ยังไม่ได้บันทึก ดูข้อความสีแดง</translation>
    </message>
    <message>
        <source>Changes in {sections} are not saved.</source>
        <translation>ยังไม่ได้บันทึกการแก้ไขใน {sections}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>ทิ้งการแก้ไข</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>แก้ไขต่อ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ตั้งค่าร้าน</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>ปิด (Esc)</translation>
    </message>
</context>
<context>
    <name>ShiftActions</name>
    <message>
        <source>No shift open</source>
        <translation>ยังไม่เปิดกะ</translation>
    </message>
    <message>
        <source>Shift {number}</source>
        <translation>กะที่ {number}</translation>
    </message>
    <message>
        <source>Shift {number} is open.</source>
        <translation>กะที่ {number} เปิดอยู่แล้ว</translation>
    </message>
    <message>
        <source>Shift {number} is open. Sell away.</source>
        <translation>เปิดกะที่ {number} แล้ว เริ่มขายได้</translation>
    </message>
    <message>
        <source>Finish or hold the sale on the screen before closing the shift.</source>
        <translation>ปิดการขายหรือพักบิลที่อยู่บนจอก่อนปิดกะ</translation>
    </message>
    <message>
        <source>No shift is open (Ctrl+O opens one).</source>
        <translation>ยังไม่ได้เปิดกะ (กด Ctrl+O เพื่อเปิดกะ)</translation>
    </message>
    <message>
        <source>Reports and closing the day: log in as a manager.</source>
        <translation>รายงานและปิดวัน: เข้าสู่ระบบด้วยรหัสผู้จัดการ</translation>
    </message>
</context>
<context>
    <name>ShiftCloseDialog</name>
    <message>
        <source>Confirm the count</source>
        <translation>ยืนยันยอดนับ</translation>
    </message>
    <message>
        <source>Confirm, store the count</source>
        <translation>ยืนยัน บันทึกยอดนับ</translation>
    </message>
    <message>
        <source>Go back and correct</source>
        <translation>กลับไปแก้</translation>
    </message>
    <message>
        <source>Close the shift — count the drawer</source>
        <translation>ปิดกะ — นับเงินในลิ้นชัก</translation>
    </message>
    <message>
        <source>No shift is open</source>
        <translation>ไม่มีกะที่เปิดอยู่</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Shift {number}, opened at {opened} — count all the cash in the drawer (the float too), then enter how many of each note and coin</source>
        <translation>กะที่ {number} เปิดเมื่อ {opened} — นับเงินสดทั้งลิ้นชัก (รวมเงินทอนตั้งต้น) แล้วกรอกจำนวนธนบัตรและเหรียญแต่ละชนิด</translation>
    </message>
    <message>
        <source>Note (if any)</source>
        <translation>หมายเหตุ (ถ้ามี)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>From the card terminal / bank / scheme app (the manager enters, if any)</source>
        <translation>ยอดจากเครื่องรับบัตร / ธนาคาร / แอปโครงการ (ผู้จัดการกรอก ถ้ามี)</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>ไม่ได้นับ</translation>
    </message>
    <message>
        <source>Cash counted: {total} baht. Confirm? Once confirmed the count cannot be changed.</source>
        <translation>เงินสดที่นับได้ {total} บาท ยืนยันหรือไม่? เมื่อยืนยันแล้วจะแก้ไขยอดนับไม่ได้</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>กำลังบันทึก …</translation>
    </message>
    <message>
        <source>Difference over the limit: a manager approves</source>
        <translation>ผลต่างเกินเกณฑ์: ผู้จัดการอนุมัติ</translation>
    </message>
    <message>
        <source>Approve the difference</source>
        <translation>อนุมัติผลต่าง</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>เสร็จ</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>การชำระ</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>ควรมี</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>นับได้</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>ผลต่าง</translation>
    </message>
    <message>
        <source>The cash matches what was expected ({expected} baht)</source>
        <translation>เงินสดตรงกับยอดที่ควรมี ({expected} บาท)</translation>
    </message>
    <message>
        <source>Cash short by {amount} baht (expected {expected})</source>
        <translation>เงินสดขาด {amount} บาท (ควรมี {expected})</translation>
    </message>
    <message>
        <source>Cash over by {amount} baht (expected {expected})</source>
        <translation>เงินสดเกิน {amount} บาท (ควรมี {expected})</translation>
    </message>
    <message>
        <source>A manager approved the difference</source>
        <translation>ผู้จัดการอนุมัติผลต่างแล้ว</translation>
    </message>
    <message>
        <source>Choose the manager and type the PIN</source>
        <translation>เลือกผู้จัดการและกรอก PIN</translation>
    </message>
</context>
<context>
    <name>ShiftOpenDialog</name>
    <message>
        <source>Open a shift — the float</source>
        <translation>เปิดกะ — เงินทอนตั้งต้น</translation>
    </message>
    <message>
        <source>or type the total, e.g. 2000</source>
        <translation>หรือใส่ยอดรวม เช่น 2000</translation>
    </message>
    <message>
        <source>Open the shift</source>
        <translation>เปิดกะ</translation>
    </message>
    <message>
        <source>Opened by:</source>
        <translation>ผู้เปิดกะ:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Shop details and tax status</source>
        <translation>ข้อมูลร้านและสถานะภาษี</translation>
    </message>
    <message>
        <source>13 digits, e.g. 0-9940-00123-45-6</source>
        <translation>13 หลัก เช่น 0-9940-00123-45-6</translation>
    </message>
    <message>
        <source>Head office, or the 5-digit branch number</source>
        <translation>สำนักงานใหญ่ หรือเลขสาขา 5 หลัก</translation>
    </message>
    <message>
        <source>The till&apos;s name, e.g. POS01</source>
        <translation>ชื่อเครื่อง เช่น POS01</translation>
    </message>
    <message>
        <source>Leave it empty until the approval is given</source>
        <translation>ว่างไว้ถ้ายังไม่ได้รับอนุมัติ</translation>
    </message>
    <message>
        <source>A new name starts new document numbers (the old ones are never reused).</source>
        <translation>เปลี่ยนชื่อเครื่องแล้วเลขที่เอกสารจะเริ่มชุดใหม่ (เลขเดิมไม่ถูกใช้ซ้ำ)</translation>
    </message>
    <message>
        <source>The number the Revenue Department gave this till (Por Por 06), printed on abbreviated tax invoices.</source>
        <translation>เลขที่กรมสรรพากรอนุมัติให้เครื่องนี้ (ภ.พ.06) พิมพ์บนใบกำกับภาษีอย่างย่อ</translation>
    </message>
    <message>
        <source>VAT-registered</source>
        <translation>จดทะเบียนภาษีมูลค่าเพิ่ม</translation>
    </message>
    <message>
        <source>A VAT-registered centre prints abbreviated tax invoices, not receipts.</source>
        <translation>ศูนย์ที่จดทะเบียนภาษีมูลค่าเพิ่มออกใบกำกับภาษีอย่างย่อแทนใบเสร็จรับเงิน</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>The old PIN is wrong: {left} tries left.</source>
        <translation>PIN เดิมไม่ถูกต้อง ลองได้อีก {left} ครั้ง</translation>
    </message>
    <message>
        <source>Type the name.</source>
        <translation>กรุณาใส่ชื่อ</translation>
    </message>
    <message>
        <source>The name has a character the till cannot take: type it again.</source>
        <translation>ชื่อมีอักขระที่เครื่องรับไม่ได้ กรุณาพิมพ์ใหม่</translation>
    </message>
    <message>
        <source>The name is too long: at most 100 characters.</source>
        <translation>ชื่อยาวเกินไป ได้ไม่เกิน 100 ตัวอักษร</translation>
    </message>
    <message>
        <source>There is already a user called {name}.</source>
        <translation>มีผู้ใช้ชื่อ {name} อยู่แล้ว</translation>
    </message>
    <message>
        <source>Choose cashier or manager.</source>
        <translation>เลือกแคชเชียร์หรือผู้จัดการ</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN ต้องเป็นตัวเลข 4 ถึง 8 หลัก</translation>
    </message>
    <message>
        <source>There is already a manager: ask them to add you.</source>
        <translation>มีผู้จัดการอยู่แล้ว ให้ผู้จัดการเพิ่มชื่อของคุณ</translation>
    </message>
    <message>
        <source>Nothing to change: {name} is already so.</source>
        <translation>ไม่มีอะไรต้องเปลี่ยน {name} อยู่ในสถานะนี้แล้ว</translation>
    </message>
    <message>
        <source>{name} is the last active manager: add another manager first.</source>
        <translation>{name} เป็นผู้จัดการคนสุดท้ายที่ใช้งานอยู่ ให้เพิ่มผู้จัดการอีกคนก่อน</translation>
    </message>
    <message>
        <source>The new PIN is the old one: choose another.</source>
        <translation>PIN ใหม่ซ้ำกับ PIN เดิม กรุณาเลือก PIN อื่น</translation>
    </message>
    <message>
        <source>Only a manager changes the staff list.</source>
        <translation>เฉพาะผู้จัดการเท่านั้นที่แก้ไขรายชื่อพนักงานได้</translation>
    </message>
    <message>
        <source>That user is not known here.</source>
        <translation>ไม่พบผู้ใช้นี้ในเครื่องนี้</translation>
    </message>
    <message>
        <source>Staff are managed at the head office.</source>
        <translation>ข้อมูลพนักงานจัดการที่สำนักงานใหญ่</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>แคชเชียร์</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>ผู้จัดการ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Old PIN</source>
        <translation>PIN เดิม</translation>
    </message>
    <message>
        <source>New PIN (4 to 8 digits)</source>
        <translation>PIN ใหม่ (ตัวเลข 4-8 หลัก)</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>PIN ใหม่อีกครั้ง</translation>
    </message>
    <message>
        <source>The two new PINs differ: type them again.</source>
        <translation>PIN ใหม่ทั้งสองช่องไม่ตรงกัน กรุณาพิมพ์ใหม่</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <source>Welcome: the shop&apos;s first manager</source>
        <translation>ยินดีต้อนรับ: ผู้จัดการคนแรกของร้าน</translation>
    </message>
    <message>
        <source>There is no manager yet. Add the first one; they then add the cashiers.</source>
        <translation>ร้านยังไม่มีผู้จัดการ เพิ่มผู้จัดการคนแรกก่อน แล้วผู้จัดการจะเพิ่มแคชเชียร์เอง</translation>
    </message>
    <message>
        <source>No manager yet: start the app again to add one, or ask for help.</source>
        <translation>ยังไม่มีผู้จัดการ เปิดโปรแกรมใหม่เพื่อเพิ่มผู้จัดการ หรือขอความช่วยเหลือ</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>พนักงาน</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>เพิ่ม…</translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation>ตั้ง PIN ใหม่…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Who logs in here. Someone who leaves is deactivated: their sales stay.</source>
        <translation>ผู้ที่เข้าใช้เครื่องนี้ได้ คนที่ลาออกให้ปิดการใช้งาน ข้อมูลการขายยังอยู่ครบ</translation>
    </message>
    <message>
        <source>Staff are managed at the head office: changes come at the next sync.</source>
        <translation>ข้อมูลพนักงานจัดการที่สำนักงานใหญ่ การเปลี่ยนแปลงจะมาถึงเมื่อซิงค์ครั้งถัดไป</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>ผู้จัดการ</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>แคชเชียร์</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้งานอยู่</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>ปิดการใช้งาน</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>ปิดการใช้งาน</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>เปิดใช้งาน</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>เพิ่มผู้ใช้</translation>
    </message>
    <message>
        <source>{name} is added: they can log in now.</source>
        <translation>เพิ่ม {name} แล้ว เข้าสู่ระบบได้ทันที</translation>
    </message>
    <message>
        <source>New PIN for {name}</source>
        <translation>PIN ใหม่ของ {name}</translation>
    </message>
    <message>
        <source>The PIN of {name} is reset.</source>
        <translation>ตั้ง PIN ใหม่ให้ {name} แล้ว</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} กลับมาใช้งานได้แล้ว</translation>
    </message>
    <message>
        <source>{name} is deactivated.</source>
        <translation>ปิดการใช้งาน {name} แล้ว</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync: reading the status …</source>
        <translation>ซิงก์: กำลังอ่านสถานะ …</translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>ซิงก์: ยังไม่ตั้งค่า</translation>
    </message>
    <message>
        <source>{count} to send</source>
        <translation>รอส่ง {count}</translation>
    </message>
    <message>
        <source>Syncing … · {count}</source>
        <translation>กำลังซิงก์ … · {count}</translation>
    </message>
    <message>
        <source>Sync never · {count}</source>
        <translation>ซิงก์ ยังไม่เคย · {count}</translation>
    </message>
    <message>
        <source>Sync {when} · {count}</source>
        <translation>ซิงก์ {when} · {count}</translation>
    </message>
    <message>
        <source> · interrupted ⚠</source>
        <translation> · ค้าง ⚠</translation>
    </message>
    <message>
        <source> · {count} refused ⚠</source>
        <translation> · ไม่รับ {count} ⚠</translation>
    </message>
    <message>
        <source>Last successful sync with the head office: {when}</source>
        <translation>ซิงก์กับสำนักงานใหญ่สำเร็จล่าสุด {when}</translation>
    </message>
    <message>
        <source>{count} records to send (touch to sync now)</source>
        <translation>รอส่ง {count} รายการ (กดเพื่อซิงก์ทันที)</translation>
    </message>
    <message>
        <source>Head office: {url}</source>
        <translation>สำนักงานใหญ่: {url}</translation>
    </message>
    <message>
        <source>Syncs by itself every night at {time}</source>
        <translation>ซิงก์อัตโนมัติทุกคืนเวลา {time} น.</translation>
    </message>
    <message>
        <source>and after the day is closed (Z report)</source>
        <translation>และหลังปิดวัน (รายงาน Z)</translation>
    </message>
    <message>
        <source>The last sync was interrupted: the next one carries on, nothing is lost</source>
        <translation>การซิงก์ครั้งล่าสุดถูกหยุดกลางคัน จะทำต่อในครั้งถัดไป ไม่มีข้อมูลหาย</translation>
    </message>
    <message>
        <source>The head office refused {count} records: otop-pos sync status</source>
        <translation>สำนักงานใหญ่ไม่รับ {count} รายการ: otop-pos sync status</translation>
    </message>
</context>
<context>
    <name>TenderPage</name>
    <message>
        <source>Type an amount in baht, e.g. 500 or 120.50</source>
        <translation>พิมพ์จำนวนเงินเป็นบาท เช่น 500 หรือ 120.50</translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation>จำนวนเงินต้องมากกว่า 0</translation>
    </message>
    <message>
        <source>At most {remaining} is left to pay; only cash can be more.</source>
        <translation>ยอดค้างชำระเหลือ {remaining} ชำระเกินได้เฉพาะเงินสด</translation>
    </message>
</context>
<context>
    <name>ThaiDateButton</name>
    <message>
        <source>Choose a date</source>
        <translation>เลือกวันที่</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
</context>
<context>
    <name>TotalPanel</name>
    <message>
        <source>Includes VAT {rate}%: {vat}</source>
        <translation>รวม VAT {rate}% แล้ว: {vat}</translation>
    </message>
    <message>
        <source>no VAT: {amount}</source>
        <translation>ไม่มี VAT: {amount}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n ชิ้น</numerusform>
        </translation>
    </message>
    <message>
        <source>discount {amount}</source>
        <translation>ส่วนลด {amount}</translation>
    </message>
    <message>
        <source>Total to pay</source>
        <translation>ยอดชำระ</translation>
    </message>
</context>
</TS>
