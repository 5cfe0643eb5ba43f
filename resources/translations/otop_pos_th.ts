<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
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
    <name>CounterWindow</name>
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
        <translation>ล็อกหน้าจอ (Ctrl+L)</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>ออกจากระบบ</translation>
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
        <source>ภาษาไทย / English</source>
        <translation>ภาษาไทย / English</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>ชำระเงิน</translation>
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
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: Thai or English name, or SKU (F2)</source>
        <translation>ค้นหา: ชื่อไทย/อังกฤษ หรือรหัสสินค้า (F2)</translation>
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
        <source>Total to pay (VAT included)</source>
        <translation>ยอดชำระ (รวม VAT แล้ว)</translation>
    </message>
</context>
</TS>
