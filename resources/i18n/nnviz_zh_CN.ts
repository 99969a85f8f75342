<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Something went wrong: {summary} — details in {log}; your work is autosaved</source>
        <translation>出错了：{summary} —— 详情见 {log}；你的工作已自动保存</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Imported {n} points from {name}</source>
        <translation>已从 {name} 导入 {n} 个点</translation>
    </message>
    <message>
        <source>Could not import the points ({reason})</source>
        <translation>无法导入这些点（{reason}）</translation>
    </message>
    <message>
        <source>nnviz — see a neural network learn</source>
        <translation>nnviz —— 看神经网络如何学习</translation>
    </message>
    <message>
        <source>{title}: {description}  Press Space to train.</source>
        <translation>{title}：{description}  按空格键开始训练。</translation>
    </message>
    <message>
        <source>Network graph</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <source>Data and output</source>
        <translation>数据与输出</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>Feature table</source>
        <translation>特征表</translation>
    </message>
    <message>
        <source>Chain rule as gears</source>
        <translation>齿轮中的链式法则</translation>
    </message>
    <message>
        <source>Six knobs</source>
        <translation>六个旋钮</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Lesson plot</source>
        <translation>课程图表</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&lt;b&gt;Space&lt;/b&gt; play / pause &amp;nbsp; &lt;b&gt;→&lt;/b&gt; step one epoch &amp;nbsp; &lt;b&gt;←&lt;/b&gt; step back &amp;nbsp; &lt;b&gt;Shift+→&lt;/b&gt; step one mini-batch</source>
        <translation>&lt;b&gt;Space&lt;/b&gt; 训练 / 暂停 &amp;nbsp; &lt;b&gt;→&lt;/b&gt; 前进一轮 &amp;nbsp; &lt;b&gt;←&lt;/b&gt; 后退一步 &amp;nbsp; &lt;b&gt;Shift+→&lt;/b&gt; 前进一个小批量</translation>
    </message>
    <message>
        <source>&lt;b&gt;R&lt;/b&gt; reset (re-randomise the parameters) &amp;nbsp; &lt;b&gt;1–6&lt;/b&gt; pick the class of new points</source>
        <translation>&lt;b&gt;R&lt;/b&gt; 重置（重新随机初始化参数） &amp;nbsp; &lt;b&gt;1–6&lt;/b&gt; 选择新点的类别</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ctrl+Z&lt;/b&gt; undo &amp;nbsp; &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt; redo &amp;nbsp; &lt;b&gt;Ctrl+S&lt;/b&gt; save &amp;nbsp; &lt;b&gt;Ctrl+O&lt;/b&gt; open</source>
        <translation>&lt;b&gt;Ctrl+Z&lt;/b&gt; 撤销 &amp;nbsp; &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt; 重做 &amp;nbsp; &lt;b&gt;Ctrl+S&lt;/b&gt; 保存 &amp;nbsp; &lt;b&gt;Ctrl+O&lt;/b&gt; 打开</translation>
    </message>
    <message>
        <source>&lt;b&gt;Computation graph&lt;/b&gt; (Ctrl+G): &lt;b&gt;T&lt;/b&gt; trace the picked point &amp;nbsp; &lt;b&gt;→ / ←&lt;/b&gt; next / previous op while the graph has focus (&lt;b&gt;.&lt;/b&gt; and &lt;b&gt;,&lt;/b&gt; anywhere) &amp;nbsp; &lt;b&gt;U&lt;/b&gt; apply one update on that example</source>
        <translation>&lt;b&gt;计算图&lt;/b&gt;（Ctrl+G）：&lt;b&gt;T&lt;/b&gt; 追踪选中的点 &amp;nbsp; &lt;b&gt;→ / ←&lt;/b&gt; 计算图有焦点时走到下一个 / 上一个运算（&lt;b&gt;.&lt;/b&gt; 和 &lt;b&gt;,&lt;/b&gt; 随时可用） &amp;nbsp; &lt;b&gt;U&lt;/b&gt; 在该样本上执行一次更新</translation>
    </message>
    <message>
        <source>&lt;b&gt;F5&lt;/b&gt; presentation mode (large type) &amp;nbsp; &lt;b&gt;F11&lt;/b&gt; full screen</source>
        <translation>&lt;b&gt;F5&lt;/b&gt; 演示模式（大字号） &amp;nbsp; &lt;b&gt;F11&lt;/b&gt; 全屏</translation>
    </message>
    <message>
        <source>&lt;b&gt;PgDn / PgUp&lt;/b&gt; next / previous lesson step (a presenter&apos;s clicker works) &amp;nbsp; &lt;b&gt;→ / ←&lt;/b&gt; the same while the lesson panel has focus</source>
        <translation>&lt;b&gt;PgDn / PgUp&lt;/b&gt; 课程的下一步 / 上一步（可用翻页笔） &amp;nbsp; &lt;b&gt;→ / ←&lt;/b&gt; 课程面板有焦点时作用相同</translation>
    </message>
    <message>
        <source>&lt;b&gt;F6 / F7 / F8&lt;/b&gt; the playground / the computation graph / the loss landscape alone in the window (the same key or &lt;b&gt;Esc&lt;/b&gt; brings every view back)</source>
        <translation>&lt;b&gt;F6 / F7 / F8&lt;/b&gt; 窗口中只显示游乐场 / 计算图 / 损失曲面（再按同一键或 &lt;b&gt;Esc&lt;/b&gt; 恢复全部视图）</translation>
    </message>
    <message>
        <source>Mouse on the data: click adds, drag moves, right-click (or Ctrl+click) deletes.</source>
        <translation>在数据上用鼠标：单击添加，拖动移动，右键（或 Ctrl+单击）删除。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import points from CSV…</source>
        <translation>从 CSV 导入数据点(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export points to CSV…</source>
        <translation>将数据点导出为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;image</source>
        <translation>导出图像(&amp;I)</translation>
    </message>
    <message>
        <source>Whole window…</source>
        <translation>整个窗口…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>New points: class {k}</source>
        <translation>新点：类别 {k}</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>训练 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Step one &amp;epoch (→)</source>
        <translation>前进一轮(&amp;E)（→）</translation>
    </message>
    <message>
        <source>Step &amp;back: undo the last step (←)</source>
        <translation>后退一步(&amp;B)：撤销上一步（←）</translation>
    </message>
    <message>
        <source>Step one mini-&amp;batch</source>
        <translation>前进一个小批量(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reset (re-randomise the parameters)</source>
        <translation>重置(&amp;R)（重新随机初始化参数）</translation>
    </message>
    <message>
        <source>&amp;Backprop</source>
        <translation>反向传播(&amp;B)</translation>
    </message>
    <message>
        <source>Show the &amp;computation graph</source>
        <translation>显示计算图(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Trace the selected example</source>
        <translation>追踪选中的样本(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Next operation (→ in the graph)</source>
        <translation>下一个运算(&amp;N)（在计算图中按 →）</translation>
    </message>
    <message>
        <source>&amp;Previous operation (← in the graph)</source>
        <translation>上一个运算(&amp;P)（在计算图中按 ←）</translation>
    </message>
    <message>
        <source>Run the &amp;forward pass</source>
        <translation>执行前向传播(&amp;F)</translation>
    </message>
    <message>
        <source>Run the &amp;backward pass</source>
        <translation>执行反向传播(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Start the walk again</source>
        <translation>从头重新走一遍(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Apply one update on this example</source>
        <translation>在此样本上执行一次更新(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Gradient check (finite differences)</source>
        <translation>梯度检验(&amp;G)（有限差分）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode (large type)</source>
        <translation>演示模式(&amp;P)（大字号）</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Loss landscape</source>
        <translation>损失曲面(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Stage: one view fills the window</source>
        <translation>舞台(&amp;S)：单个视图占满窗口</translation>
    </message>
    <message>
        <source>{title} alone ({key})</source>
        <translation>只显示{title}（{key}）</translation>
    </message>
    <message>
        <source>Back to every view (Esc)</source>
        <translation>恢复全部视图（Esc）</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言 / Language(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;All lessons… (start page)</source>
        <translation>全部课程(&amp;A)…（起始页）</translation>
    </message>
    <message>
        <source>&amp;Next step (PgDn)</source>
        <translation>下一步(&amp;N)（PgDn）</translation>
    </message>
    <message>
        <source>&amp;Previous step (PgUp)</source>
        <translation>上一步(&amp;P)（PgUp）</translation>
    </message>
    <message>
        <source>&amp;Leave the lesson</source>
        <translation>退出课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Start page: the lessons</source>
        <translation>起始页(&amp;S)：全部课程</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>重做(&amp;R) {what}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>撤销(&amp;U) {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>no view called {name}; choose one of {choices}</source>
        <translation>没有名为 {name} 的视图；可选：{choices}</translation>
    </message>
    <message>
        <source>{title}: {description}</source>
        <translation>{title}：{description}</translation>
    </message>
    <message>
        <source>lesson points</source>
        <translation>课程数据点</translation>
    </message>
    <message>
        <source>clear points</source>
        <translation>清空数据点</translation>
    </message>
    <message>
        <source>this data has {n} classes; class {k} is not available</source>
        <translation>这份数据只有 {n} 个类别；没有类别 {k}</translation>
    </message>
    <message>
        <source>nnviz sessions (*.nnviz);;All files (*)</source>
        <translation>nnviz 会话 (*.nnviz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing to save yet: the network has not started.</source>
        <translation>还没有可保存的内容：网络尚未启动。</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>无法保存 {name}：{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Session restored.</source>
        <translation>会话已恢复。</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Restore the session autosaved when nnviz last closed?</source>
        <translation>要恢复 nnviz 上次关闭时自动保存的会话吗？</translation>
    </message>
    <message>
        <source>Could not write {name}: {reason}</source>
        <translation>无法写入 {name}：{reason}</translation>
    </message>
    <message>
        <source>Exported {n} points to {path}</source>
        <translation>已将 {n} 个数据点导出到 {path}</translation>
    </message>
    <message>
        <source>Import points</source>
        <translation>导入数据点</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export points</source>
        <translation>导出数据点</translation>
    </message>
    <message>
        <source>Qt could not write the image</source>
        <translation>Qt 无法写入该图像</translation>
    </message>
    <message>
        <source>Could not export the image: {reason}</source>
        <translation>无法导出图像：{reason}</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>游乐场</translation>
    </message>
    <message>
        <source>no stage called {name}; choose one of {choices}</source>
        <translation>没有名为 {name} 的舞台；可选：{choices}</translation>
    </message>
    <message>
        <source>{key} or Esc</source>
        <translation>{key} 或 Esc</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {keys} returns to every view</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; —— 按 {keys} 恢复全部视图</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>轮次 {epoch}</translation>
    </message>
    <message>
        <source>loss {loss} (test {test})</source>
        <translation>损失 {loss}（测试 {test}）</translation>
    </message>
    <message>
        <source>train loss {loss}</source>
        <translation>训练损失 {loss}</translation>
    </message>
    <message>
        <source>test loss {loss}</source>
        <translation>测试损失 {loss}</translation>
    </message>
    <message>
        <source>accuracy {acc} (test {test})</source>
        <translation>准确率 {acc}（测试 {test}）</translation>
    </message>
    <message>
        <source>train acc {acc}</source>
        <translation>训练准确率 {acc}</translation>
    </message>
    <message>
        <source>test acc {acc}</source>
        <translation>测试准确率 {acc}</translation>
    </message>
    <message>
        <source>{rate} epochs/s</source>
        <translation>{rate} 轮/秒</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>100 epochs/s</source>
        <translation>100 轮/秒</translation>
    </message>
    <message>
        <source>25 epochs/s</source>
        <translation>25 轮/秒</translation>
    </message>
    <message>
        <source>10 epochs/s</source>
        <translation>10 轮/秒</translation>
    </message>
    <message>
        <source>3 epochs/s</source>
        <translation>3 轮/秒</translation>
    </message>
    <message>
        <source>1 epoch/s</source>
        <translation>1 轮/秒</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>Perceptron rule</source>
        <translation>感知机规则</translation>
    </message>
    <message>
        <source>Averaged perceptron</source>
        <translation>平均感知机</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>sigmoid + log loss</source>
        <translation>sigmoid + 对数损失</translation>
    </message>
    <message>
        <source>linear + hinge</source>
        <translation>线性 + 合页损失</translation>
    </message>
    <message>
        <source>softmax + cross-entropy</source>
        <translation>softmax + 交叉熵</translation>
    </message>
    <message>
        <source>linear + MSE</source>
        <translation>线性 + MSE</translation>
    </message>
    <message>
        <source>step (0/1) + MSE</source>
        <translation>阶跃 (0/1) + MSE</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格键）</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Undo the last step exactly (←)</source>
        <translation>精确撤销上一步（←）</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>前进一轮</translation>
    </message>
    <message>
        <source>Train one epoch (→)</source>
        <translation>训练一轮（→）</translation>
    </message>
    <message>
        <source>Step batch</source>
        <translation>前进一批</translation>
    </message>
    <message>
        <source>Train one mini-batch (Shift+→)</source>
        <translation>训练一个小批量（Shift+→）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Re-randomise the parameters (R)</source>
        <translation>重新随机初始化参数（R）</translation>
    </message>
    <message>
        <source>Training (changes apply live, no reset)</source>
        <translation>训练（修改立即生效，无需重置）</translation>
    </message>
    <message>
        <source>Slow training down to watch it, or run at full speed</source>
        <translation>放慢训练以便观察，或全速运行</translation>
    </message>
    <message>
        <source>Step size α of each update</source>
        <translation>每次更新的步长 α</translation>
    </message>
    <message>
        <source>How each step uses the gradient (torch.optim rules)</source>
        <translation>每一步如何使用梯度（torch.optim 的规则）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Penalty on weight size: L1 = λΣ|w|, L2 = ½λΣw² (biases are free)</source>
        <translation>对权重大小的惩罚：L1 = λΣ|w|，L2 = ½λΣw²（偏置不受惩罚）</translation>
    </message>
    <message>
        <source>Regularisation rate λ</source>
        <translation>正则化系数 λ</translation>
    </message>
    <message>
        <source>Examples per gradient step (1 = stochastic)</source>
        <translation>每次梯度更新使用的样本数（1 = 随机梯度下降）</translation>
    </message>
    <message>
        <source>Stop early</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>Hold out 20 % of the training points; stop when their loss has not improved for &apos;patience&apos; epochs, and put back the best weights</source>
        <translation>留出 20 % 的训练点作验证；当它们的损失连续“耐心”轮都没有改善时停止，并恢复最好的权重</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Epochs to wait for a better validation loss before stopping</source>
        <translation>停止前等待验证损失改善的轮数</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Reg. rate</source>
        <translation>正则化系数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心</translation>
    </message>
    <message>
        <source>Model (changes rebuild the network)</source>
        <translation>模型（修改会重建网络）</translation>
    </message>
    <message>
        <source>Hidden-layer activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>Output activation and loss</source>
        <translation>输出激活函数与损失函数</translation>
    </message>
    <message>
        <source>Random seed of the initial weights and the shuffling</source>
        <translation>初始权重和打乱顺序所用的随机种子</translation>
    </message>
    <message>
        <source>every neuron has a bias b</source>
        <translation>每个神经元都有偏置 b</translation>
    </message>
    <message>
        <source>CS188 uses none (h = act(x·W)); the video&apos;s threshold is a bias</source>
        <translation>CS188 不用偏置（h = act(x·W)）；视频中的阈值就是偏置</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Output + loss</source>
        <translation>输出 + 损失</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 开始</translation>
    </message>
    <message>
        <source>hover over the curves for exact values</source>
        <translation>鼠标悬停在曲线上可查看精确数值</translation>
    </message>
    <message>
        <source>accuracy applies to classification</source>
        <translation>准确率只适用于分类问题</translation>
    </message>
    <message>
        <source>mistakes per epoch</source>
        <translation>每轮错误数</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis (losses ≤ 0 are left out)</source>
        <translation>在对数坐标轴上显示损失（≤ 0 的损失不显示）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>mistakes</source>
        <translation>错误数</translation>
    </message>
    <message>
        <source>mistakes in the last epoch {n}</source>
        <translation>上一轮错误数 {n}</translation>
    </message>
    <message>
        <source>validation loss {loss}</source>
        <translation>验证损失 {loss}</translation>
    </message>
    <message>
        <source>mistakes {n}</source>
        <translation>错误数 {n}</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>{name} (log)</source>
        <translation>{name}（对数）</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>准确率 %</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Click adds a point; drag moves one; right-click deletes</source>
        <translation>单击添加点；拖动移动点；右键删除点</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Drag to paint many points of the current class</source>
        <translation>拖动以画出许多当前类别的点</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>追踪</translation>
    </message>
    <message>
        <source>Click a point (or an empty spot) to trace it through the network</source>
        <translation>单击一个点（或空白处），追踪它在网络中的计算过程</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Load a ready-made dataset, network and settings</source>
        <translation>载入现成的数据集、网络和设置</translation>
    </message>
    <message>
        <source>Noise: how far points are jittered (or targets for regression), in % of one axis unit</source>
        <translation>噪声：点（回归时为目标值）的抖动幅度，以坐标轴单位的 % 计</translation>
    </message>
    <message>
        <source>Share of points held out as test data</source>
        <translation>留作测试集的数据点比例</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>New random points from the same recipe (network kept)</source>
        <translation>按同样的配方重新随机生成点（保留网络）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every point (undo with Ctrl+Z)</source>
        <translation>删除所有点（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Show test points</source>
        <translation>显示测试点</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>New points get class {k} (key {k})</source>
        <translation>新点属于类别 {k}（按键 {k}）</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>◀ Back (PgUp)</source>
        <translation>◀ 上一步（PgUp）</translation>
    </message>
    <message>
        <source>Leave the lesson</source>
        <translation>退出课程</translation>
    </message>
    <message>
        <source>Finish ✓ (PgDn)</source>
        <translation>完成 ✓（PgDn）</translation>
    </message>
    <message>
        <source>Next ▶ (PgDn)</source>
        <translation>下一步 ▶（PgDn）</translation>
    </message>
    <message>
        <source>step {k} of {n}</source>
        <translation>第 {k} 步，共 {n} 步</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新量</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>gradient ∂L/∂w of the loss</source>
        <translation>损失的梯度 ∂L/∂w</translation>
    </message>
    <message>
        <source>last update Δw</source>
        <translation>上一次更新量 Δw</translation>
    </message>
    <message>
        <source>{n} neuron</source>
        <translation>{n} 个神经元</translation>
    </message>
    <message>
        <source>{n} neurons</source>
        <translation>{n} 个神经元</translation>
    </message>
    <message>
        <source>Cannot change the network: {reason}.</source>
        <translation>无法修改网络：{reason}。</translation>
    </message>
    <message>
        <source>Edges show:</source>
        <translation>连线显示：</translation>
    </message>
    <message>
        <source>Colour and thickness of each edge show its {what}</source>
        <translation>每条连线的颜色和粗细表示它的{what}</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− 层</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ 层</translation>
    </message>
    <message>
        <source>Add a hidden layer of {n} neurons (rebuilds the network)</source>
        <translation>添加一个含 {n} 个神经元的隐藏层（会重建网络）</translation>
    </message>
    <message>
        <source>At most {most} hidden layers (this network has {n})</source>
        <translation>最多 {most} 个隐藏层（本网络已有 {n} 个）</translation>
    </message>
    <message>
        <source>Remove the last hidden layer (rebuilds the network)</source>
        <translation>删除最后一个隐藏层（会重建网络）</translation>
    </message>
    <message>
        <source>No hidden layers left: inputs connect straight to the output</source>
        <translation>已没有隐藏层：输入直接连到输出</translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>Feed {feature} into the network, or take it out (rebuilds it)</source>
        <translation>把 {feature} 输入网络，或将其移除（会重建网络）</translation>
    </message>
    <message>
        <source>The network needs at least one input feature; that one stays on.</source>
        <translation>网络至少需要一个输入特征；这个特征保持开启。</translation>
    </message>
    <message>
        <source>Remove a neuron from hidden layer {k}</source>
        <translation>从第 {k} 个隐藏层删除一个神经元</translation>
    </message>
    <message>
        <source>A layer keeps at least 1 neuron; use “− layer” to remove the layer</source>
        <translation>每层至少保留 1 个神经元；要删除整层请用“− 层”</translation>
    </message>
    <message>
        <source>Add a neuron to hidden layer {k}</source>
        <translation>向第 {k} 个隐藏层添加一个神经元</translation>
    </message>
    <message>
        <source>At most {most} neurons per layer</source>
        <translation>每层最多 {most} 个神经元</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>New {what}: Enter applies, Escape cancels</source>
        <translation>新的{what}：按 Enter 应用，按 Esc 取消</translation>
    </message>
    <message>
        <source>“{text}” is not a finite number; the {what} was not changed (type e.g. 0.5, press Escape to cancel).</source>
        <translation>“{text}”不是有限的数；{what}没有修改（请输入如 0.5 这样的数，按 Esc 取消）。</translation>
    </message>
    <message>
        <source>nnviz — lessons</source>
        <translation>nnviz —— 课程</translation>
    </message>
    <message>
        <source>&lt;b&gt;See a neural network learn.&lt;/b&gt; Pick a lesson: each step sets the app up and says what to look for, with every number computed live. PgDn / PgUp (or a presenter&apos;s clicker) step through it. Or close this page and click points onto the plane yourself: Space trains.</source>
        <translation>&lt;b&gt;看神经网络如何学习。&lt;/b&gt;选一门课程：每一步都会把应用设置好，并告诉你该看什么，所有数字都是实时计算的。用 PgDn / PgUp（或翻页笔）逐步推进。也可以关闭本页，自己在平面上点出数据点：按空格键开始训练。</translation>
    </message>
    <message>
        <source>What you will understand</source>
        <translation>你将理解什么</translation>
    </message>
    <message>
        <source>Show this page when nnviz starts</source>
        <translation>nnviz 启动时显示本页</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <source>How fast training runs</source>
        <translation>训练运行的速度</translation>
    </message>
    <message>
        <source>loss {loss}</source>
        <translation>损失 {loss}</translation>
    </message>
    <message>
        <source>test accuracy {accuracy}</source>
        <translation>测试准确率 {accuracy}</translation>
    </message>
    <message>
        <source>Presentation mode on (F5 to leave)</source>
        <translation>演示模式已开启（按 F5 退出）</translation>
    </message>
    <message>
        <source>Presentation mode off</source>
        <translation>演示模式已关闭</translation>
    </message>
    <message>
        <source>Layout reset: every view is back in its place.</source>
        <translation>布局已重置：所有视图都回到了原位。</translation>
    </message>
    <message>
        <source>{title} on stage: {key} or Esc returns to every view.</source>
        <translation>舞台上只显示{title}：按 {key} 或 Esc 恢复全部视图。</translation>
    </message>
    <message>
        <source>Language: {name}</source>
        <translation>语言：{name}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Space play/pause · → epoch · R reset · Ctrl+Z undo · F5 present</source>
        <translation>Space 训练/暂停 · → 一轮 · R 重置 · Ctrl+Z 撤销 · F5 演示</translation>
    </message>
    <message>
        <source>import points from CSV</source>
        <translation>从 CSV 导入数据点</translation>
    </message>
    <message>
        <source>nnviz speaks {choices}; {language} is not one of them</source>
        <translation>nnviz 支持的语言是 {choices}；不支持 {language}</translation>
    </message>
    <message>
        <source>x: {why}; it stays {x}</source>
        <translation>x：{why}；保持为 {x}</translation>
    </message>
    <message>
        <source>Trace the worst-classified training point</source>
        <translation>追踪分类最差的训练点</translation>
    </message>
    <message>
        <source>Trace a fresh point</source>
        <translation>追踪一个新的点</translation>
    </message>
    <message>
        <source>The network changed since this trace, which still shows the old weights: press Re-trace to walk the new network.</source>
        <translation>追踪之后网络已经变了，这里显示的仍是旧权重：按“用当前权重重新追踪”来走一遍新网络。</translation>
    </message>
    <message>
        <source>There are no training points to trace.</source>
        <translation>没有可追踪的训练点。</translation>
    </message>
    <message>
        <source>there are {count} training points; {n} is not one of them</source>
        <translation>共有 {count} 个训练点；{n} 不在其中</translation>
    </message>
    <message>
        <source>The worst-classified training point: its loss is {loss}, the highest of {count} (median {median}). Walk it, or press Apply one update to see a step that matters.</source>
        <translation>分类最差的训练点：它的损失是 {loss}，在 {count} 个点中最高（中位数 {median}）。逐步走一遍，或按“执行一次更新”，看一步真正起作用的更新。</translation>
    </message>
    <message>
        <source>The Trace tool is on: click a point, or an empty spot, on the data canvas to trace it.</source>
        <translation>“追踪”工具已打开：在数据画布上点一个点或一处空白，就会追踪它。</translation>
    </message>
    <message>
        <source>Pick a point with the Trace tool first.</source>
        <translation>请先用“追踪”工具选一个点。</translation>
    </message>
    <message>
        <source>The formula from the session.</source>
        <translation>会话中保存的公式。</translation>
    </message>
    <message>
        <source>Every op of the network; the layer you clicked is centred.</source>
        <translation>网络的每个运算；你点的那一层居中显示。</translation>
    </message>
    <message>
        <source>Trace a network example first.</source>
        <translation>请先追踪一个网络样本。</translation>
    </message>
    <message>
        <source>The network changed since this trace and the example could not be traced again: pick a point with the Trace tool.</source>
        <translation>追踪之后网络已经变了，这个样本无法重新追踪：请用“追踪”工具选一个点。</translation>
    </message>
    <message>
        <source>Applying w ← w − lr·∂L/∂w for this example…</source>
        <translation>正在对这个样本执行 w ← w − lr·∂L/∂w…</translation>
    </message>
    <message>
        <source>Training the digit network stopped: {why}</source>
        <translation>数字网络的训练已停止：{why}</translation>
    </message>
    <message>
        <source>Training stopped after epoch {n}.</source>
        <translation>训练在第 {n} 轮后停止。</translation>
    </message>
    <message>
        <source>Pick one of the images shown.</source>
        <translation>请从显示的图像中选一张。</translation>
    </message>
    <message>
        <source>Image {i}: the network says {label} ({p} % sure).</source>
        <translation>图像 {i}：网络认为是 {label}（把握 {p} %）。</translation>
    </message>
    <message>
        <source>Train the network first.</source>
        <translation>请先训练网络。</translation>
    </message>
    <message>
        <source>Click an image first.</source>
        <translation>请先点击一张图像。</translation>
    </message>
    <message>
        <source>says {label} ({p} % sure)</source>
        <translation>认为是 {label}（把握 {p} %）</translation>
    </message>
    <message>
        <source>changed its mind</source>
        <translation>改变了答案</translation>
    </message>
    <message>
        <source>still says the same</source>
        <translation>答案没有变</translation>
    </message>
    <message>
        <source>ε = {eps}: the network {what}.</source>
        <translation>ε = {eps}：网络{what}。</translation>
    </message>
    <message>
        <source>ε: {why}; nothing was nudged</source>
        <translation>ε：{why}；没有扰动任何图像</translation>
    </message>
    <message>
        <source>six knobs take six numbers from {low} to {high}</source>
        <translation>六个旋钮需要六个 {low} 到 {high} 之间的数</translation>
    </message>
    <message>
        <source>choose two different knobs out of k0 … k5</source>
        <translation>请从 k0 … k5 中选两个不同的旋钮</translation>
    </message>
    <message>
        <source>The lesson is over; your own session is back.</source>
        <translation>课程结束；你自己的会话已恢复。</translation>
    </message>
    <message>
        <source>This step&apos;s {request} is not available.</source>
        <translation>这一步的 {request} 无法使用。</translation>
    </message>
    <message>
        <source>no lesson is playing</source>
        <translation>没有正在播放的课程</translation>
    </message>
    <message>
        <source>{title}: step {step} of {count}. PgDn next, PgUp back.</source>
        <translation>{title}：第 {step} 步，共 {count} 步。PgDn 下一步，PgUp 上一步。</translation>
    </message>
    <message>
        <source>No lesson is playing: Lessons ▸ All lessons… picks one.</source>
        <translation>没有正在播放的课程：在“课程 ▸ 全部课程…”中选一门。</translation>
    </message>
    <message>
        <source>The {name} view is not in this window yet.</source>
        <translation>这个窗口里还没有 {name} 视图。</translation>
    </message>
    <message>
        <source>no feature called {name} in table {table}</source>
        <translation>表 {table} 中没有名为 {name} 的特征</translation>
    </message>
    <message>
        <source>{name} = {value}: a knob takes a number from −5 to 5</source>
        <translation>{name} = {value}：旋钮只接受 −5 到 5 之间的数</translation>
    </message>
    <message>
        <source>table {table} has no {name} detector</source>
        <translation>表 {table} 没有 {name} 探测器</translation>
    </message>
    <message>
        <source>{name} detector: lit for {rows}</source>
        <translation>{name}探测器：亮灯的是 {rows}</translation>
    </message>
    <message>
        <source>no example called {target} to train for</source>
        <translation>没有名为 {target} 的样本可作训练目标</translation>
    </message>
    <message>
        <source>trained: settled after {epochs} passes; lit for {rows}</source>
        <translation>训练完成：{epochs} 遍后稳定；亮灯的是 {rows}</translation>
    </message>
    <message>
        <source>trained: did not settle after {epochs} passes; lit for {rows}</source>
        <translation>训练结束：{epochs} 遍后仍未稳定；亮灯的是 {rows}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The training process stopped while the digit network trained; train it again.</source>
        <translation>训练进程在训练数字网络时停止了；请重新训练。</translation>
    </message>
    <message>
        <source>hover over the plot for exact values</source>
        <translation>鼠标悬停在图上可查看精确数值</translation>
    </message>
    <message>
        <source>Cannot show this figure: {reason}</source>
        <translation>无法显示这张图：{reason}</translation>
    </message>
    <message>
        <source>Which composition f(g(x)) to draw as gears</source>
        <translation>把哪个复合函数 f(g(x)) 画成齿轮</translation>
    </message>
    <message>
        <source>Where to take the slopes: a number where f(g(x)) is defined</source>
        <translation>在哪里求斜率：一个使 f(g(x)) 有定义的数</translation>
    </message>
    <message>
        <source>turn the input gear</source>
        <translation>转动输入齿轮</translation>
    </message>
    <message>
        <source>Turn the input gear (or drag it, or press ← →)</source>
        <translation>转动输入齿轮（也可以拖动它，或按 ← →）</translation>
    </message>
    <message>
        <source>turn x:</source>
        <translation>转动 x：</translation>
    </message>
    <message>
        <source>x turned {x}°  →  g turned {g}°  →  f turned {f}°</source>
        <translation>x 转了 {x}°  →  g 转了 {g}°  →  f 转了 {f}°</translation>
    </message>
    <message>
        <source>ratio {slope}
= {value}</source>
        <translation>传动比 {slope}
= {value}</translation>
    </message>
    <message>
        <source>nnviz chain rule as gears</source>
        <translation>nnviz 齿轮里的链式法则</translation>
    </message>
    <message>
        <source>value {value}</source>
        <translation>值 {value}</translation>
    </message>
    <message>
        <source>grad {grad}</source>
        <translation>梯度 {grad}</translation>
    </message>
    <message>
        <source>local {local}</source>
        <translation>局部 {local}</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>慢</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>快</translation>
    </message>
    <message>
        <source>every op</source>
        <translation>每个运算</translation>
    </message>
    <message>
        <source>neuron by neuron</source>
        <translation>逐个神经元</translation>
    </message>
    <message>
        <source>layers (shapes)</source>
        <translation>按层（形状）</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Pick a preset, type a formula, or trace a data point.</source>
        <translation>选一个例题，输入一个公式，或追踪一个数据点。</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>The memo table: each node&apos;s gradient is computed once and reused, like dynamic programming</source>
        <translation>备忘表：每个节点的梯度只算一次，之后反复使用，就像动态规划</translation>
    </message>
    <message>
        <source>Worked examples from the lectures</source>
        <translation>课堂上的例题</translation>
    </message>
    <message>
        <source>type a formula, e.g. w1**4*w2 + 5*w3  (Enter)</source>
        <translation>输入公式，例如 w1**4*w2 + 5*w3（回车）</translation>
    </message>
    <message>
        <source>values: w1=2, w2=3  (Enter)</source>
        <translation>取值：w1=2, w2=3（回车）</translation>
    </message>
    <message>
        <source>Set the formula&apos;s variables and walk it again</source>
        <translation>设置公式中变量的值，再从头走一遍</translation>
    </message>
    <message>
        <source>Walk the live network on the example picked with the Trace tool on the data canvas</source>
        <translation>用数据画布上“追踪”工具选中的样本，逐步走一遍当前的网络</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>例题</translation>
    </message>
    <message>
        <source>⟲ Reset</source>
        <translation>⟲ 重置</translation>
    </message>
    <message>
        <source>Back to the start: nothing computed</source>
        <translation>回到起点：什么都还没算</translation>
    </message>
    <message>
        <source>Compute the next node (→)</source>
        <translation>计算下一个节点（→）</translation>
    </message>
    <message>
        <source>Run forward</source>
        <translation>运行前向传播</translation>
    </message>
    <message>
        <source>Compute every value</source>
        <translation>计算所有数值</translation>
    </message>
    <message>
        <source>Run backward</source>
        <translation>运行反向传播</translation>
    </message>
    <message>
        <source>Compute every gradient</source>
        <translation>计算所有梯度</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Compare every leaf&apos;s backprop gradient with a central finite difference</source>
        <translation>把每个叶节点的反向传播梯度与中心有限差分作比较</translation>
    </message>
    <message>
        <source>Apply one update</source>
        <translation>执行一次更新</translation>
    </message>
    <message>
        <source>Take one SGD step on this example and see the loss and the boundary move</source>
        <translation>在这个样本上做一步 SGD，看损失和决策边界怎样移动</translation>
    </message>
    <message>
        <source>Memo table ▸</source>
        <translation>备忘表 ▸</translation>
    </message>
    <message>
        <source>Show the gradient check, the update and the memo table</source>
        <translation>显示梯度检验、更新和备忘表</translation>
    </message>
    <message>
        <source>Re-trace with current weights</source>
        <translation>用当前权重重新追踪</translation>
    </message>
    <message>
        <source>Trace network example</source>
        <translation>追踪网络样本</translation>
    </message>
    <message>
        <source>your formula</source>
        <translation>你的公式</translation>
    </message>
    <message>
        <source>a traced network example</source>
        <translation>一个追踪的网络样本</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {phase} · step {index}/{count}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {phase} · 第 {index}/{count} 步</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>Test images: the network&apos;s answers</source>
        <translation>测试图像：网络的答案</translation>
    </message>
    <message>
        <source>What each neuron looks for</source>
        <translation>每个神经元在找什么</translation>
    </message>
    <message>
        <source>Right and wrong</source>
        <translation>对与错</translation>
    </message>
    <message>
        <source>Under each image: the network&apos;s answer. Orange: wrong (the true digit in brackets). Click an image to trace it through the network graph.</source>
        <translation>每张图像下方是网络的答案。橙色表示答错（括号里是真实的数字）。点击一张图像，在网络图中追踪它。</translation>
    </message>
    <message>
        <source>Each hidden neuron&apos;s weights as a picture: blue where ink makes it fire, orange where ink switches it off.</source>
        <translation>把每个隐藏层神经元的权重画成一张图：蓝色处有墨迹会激活它，橙色处有墨迹会抑制它。</translation>
    </message>
    <message>
        <source>Rows: the true digit; columns: the network&apos;s answer. The diagonal is right.</source>
        <translation>行：真实的数字；列：网络的答案。对角线上是答对的。</translation>
    </message>
    <message>
        <source>Train the digit network (in the training process)</source>
        <translation>训练数字网络（在训练进程中）</translation>
    </message>
    <message>
        <source>not trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <source>The chosen image</source>
        <translation>选中的图像</translation>
    </message>
    <message>
        <source>The nudge ×10</source>
        <translation>扰动 ×10</translation>
    </message>
    <message>
        <source>After the nudge</source>
        <translation>扰动之后</translation>
    </message>
    <message>
        <source>Blue: pixels made darker, orange: lighter; ten times stronger than the real change so that you can see it.</source>
        <translation>蓝色：像素变暗，橙色：变亮；放大为实际变化的十倍，以便看清。</translation>
    </message>
    <message>
        <source>How far each pixel may move (0 … 0.5 of the ink range)</source>
        <translation>每个像素最多可以改变多少（墨迹范围的 0 … 0.5）</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>扰动</translation>
    </message>
    <message>
        <source>Move every pixel by ε in the direction that raises the loss</source>
        <translation>把每个像素朝使损失增大的方向移动 ε</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Put the image back (Ctrl+Z)</source>
        <translation>把图像恢复原样（Ctrl+Z）</translation>
    </message>
    <message>
        <source>{right} of {total} test images right</source>
        <translation>{total} 张测试图像中答对 {right} 张</translation>
    </message>
    <message>
        <source>epoch {epoch} / {epochs} · train {train} % · test {test} %</source>
        <translation>第 {epoch} / {epochs} 轮 · 训练 {train} % · 测试 {test} %</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Train the network</source>
        <translation>训练网络</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是一个数</translation>
    </message>
    <message>
        <source>{text} is not a finite number</source>
        <translation>{text} 不是有限的数</translation>
    </message>
    <message>
        <source>{value} is outside {low} … {high}</source>
        <translation>{value} 超出了 {low} … {high} 的范围</translation>
    </message>
    <message>
        <source>knob {name}</source>
        <translation>旋钮 {name}</translation>
    </message>
    <message>
        <source>value of {name}</source>
        <translation>{name} 的值</translation>
    </message>
    <message>
        <source>{name}: {low} … {high} in steps of {step}</source>
        <translation>{name}：{low} … {high}，步长 {step}</translation>
    </message>
    <message>
        <source>{name}: {why}; it stays {value}</source>
        <translation>{name}：{why}；保持为 {value}</translation>
    </message>
    <message>
        <source>② the loss  (k{first}, k{second}) → score</source>
        <translation>② 损失函数  (k{first}, k{second}) → 得分</translation>
    </message>
    <message>
        <source>Two functions you must not confuse</source>
        <translation>两个千万别混淆的函数</translation>
    </message>
    <message>
        <source>six knobs</source>
        <translation>六个旋钮</translation>
    </message>
    <message>
        <source>k{i}, the weight of {power}: turn it, or type a number and press Enter</source>
        <translation>k{i}，{power} 的权重：转动它，或输入一个数后按回车</translation>
    </message>
    <message>
        <source>Fit by gradient descent</source>
        <translation>用梯度下降拟合</translation>
    </message>
    <message>
        <source>Let gradient descent turn the knobs (Space)</source>
        <translation>让梯度下降来转动旋钮（空格键）</translation>
    </message>
    <message>
        <source>Every knob back to 0 (R)</source>
        <translation>所有旋钮归零（R）</translation>
    </message>
    <message>
        <source>① the fitting function  x → y</source>
        <translation>① 拟合函数  x → y</translation>
    </message>
    <message>
        <source>The knob across</source>
        <translation>横轴上的旋钮</translation>
    </message>
    <message>
        <source>The knob up</source>
        <translation>纵轴上的旋钮</translation>
    </message>
    <message>
        <source>across:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <source>up:</source>
        <translation>纵轴：</translation>
    </message>
    <message>
        <source>k{first} = {a}, k{second} = {b}: loss = {loss} (dark = low)</source>
        <translation>k{first} = {a}，k{second} = {b}：损失 = {loss}（越暗越低）</translation>
    </message>
    <message>
        <source>epoch {epoch} · loss {loss}</source>
        <translation>第 {epoch} 轮 · 损失 {loss}</translation>
    </message>
    <message>
        <source>Pause the fit</source>
        <translation>暂停拟合</translation>
    </message>
    <message>
        <source>nnviz six knobs</source>
        <translation>nnviz 六个旋钮</translation>
    </message>
    <message>
        <source>The weight the fog walk turns (W1[i,j]: from input i to neuron j of layer 1)</source>
        <translation>雾中下山转动的权重（W1[i,j]：从输入 i 到第 1 层的神经元 j）</translation>
    </message>
    <message>
        <source>Feel the slope with Δx and take one step downhill (W)</source>
        <translation>用 Δx 感受坡度，往山下走一步（W）</translation>
    </message>
    <message>
        <source>Walk ×10</source>
        <translation>走十步</translation>
    </message>
    <message>
        <source>Ten steps downhill (Shift+W)</source>
        <translation>往山下走十步（Shift+W）</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message numerus="yes">
        <source>step %n</source>
        <translation>
            <numerusform>第 %n 步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>stopped after %n steps</source>
        <translation>
            <numerusform>走了 %n 步后停下</numerusform>
        </translation>
    </message>
    <message>
        <source>in the network</source>
        <translation>网络里的值</translation>
    </message>
    <message>
        <source>The digit network learns only by training; its weights are not edited here.</source>
        <translation>数字网络只能通过训练来学习；这里不能编辑它的权重。</translation>
    </message>
    <message>
        <source>Which fruit is it?</source>
        <translation>这是哪种水果？</translation>
    </message>
    <message>
        <source>Will it rain?</source>
        <translation>会下雨吗？</translation>
    </message>
    <message>
        <source>fruit</source>
        <translation>水果</translation>
    </message>
    <message>
        <source>weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <source>big</source>
        <translation>大</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>sweet</source>
        <translation>甜</translation>
    </message>
    <message>
        <source>sour</source>
        <translation>酸</translation>
    </message>
    <message>
        <source>round</source>
        <translation>圆</translation>
    </message>
    <message>
        <source>apple</source>
        <translation>苹果</translation>
    </message>
    <message>
        <source>watermelon</source>
        <translation>西瓜</translation>
    </message>
    <message>
        <source>hawthorn</source>
        <translation>山楂</translation>
    </message>
    <message>
        <source>lemon</source>
        <translation>柠檬</translation>
    </message>
    <message>
        <source>grape</source>
        <translation>葡萄</translation>
    </message>
    <message>
        <source>banana</source>
        <translation>香蕉</translation>
    </message>
    <message>
        <source>overcast</source>
        <translation>阴天</translation>
    </message>
    <message>
        <source>humid</source>
        <translation>潮湿</translation>
    </message>
    <message>
        <source>clear and dry</source>
        <translation>晴朗干燥</translation>
    </message>
    <message>
        <source>clear and humid</source>
        <translation>晴朗潮湿</translation>
    </message>
    <message>
        <source>overcast and dry</source>
        <translation>阴天干燥</translation>
    </message>
    <message>
        <source>overcast and humid</source>
        <translation>阴天潮湿</translation>
    </message>
    <message>
        <source>rain</source>
        <translation>下雨</translation>
    </message>
    <message>
        <source>lit</source>
        <translation>亮</translation>
    </message>
    <message>
        <source>off</source>
        <translation>灭</translation>
    </message>
    <message>
        <source>example</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>lamp</source>
        <translation>灯</translation>
    </message>
    <message>
        <source>lamp for {name}</source>
        <translation>{name}的灯</translation>
    </message>
    <message>
        <source>Choose the table of examples</source>
        <translation>选择样本表</translation>
    </message>
    <message>
        <source>table:</source>
        <translation>表：</translation>
    </message>
    <message>
        <source>A lamp lights when Σ w·x − b &gt; 0: each feature x (0 or 1) times its weight w, minus b.</source>
        <translation>当 Σ w·x − b &gt; 0 时灯亮：每个特征 x（0 或 1）乘以它的权重 w，再减去 b。</translation>
    </message>
    <message>
        <source>knobs: weights w, threshold b</source>
        <translation>旋钮：权重 w，阈值 b</translation>
    </message>
    <message>
        <source>detectors:</source>
        <translation>探测器：</translation>
    </message>
    <message>
        <source>target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Which example the trained perceptron should light up for</source>
        <translation>训练出的感知机应该为哪个样本亮灯</translation>
    </message>
    <message>
        <source>Train from labels</source>
        <translation>按标签训练</translation>
    </message>
    <message>
        <source>Learn the knobs with the perceptron rule (w ← w ± x)</source>
        <translation>用感知机规则学习旋钮（w ← w ± x）</translation>
    </message>
    <message>
        <source>Set the knobs of the lesson&apos;s {name} detector</source>
        <translation>把旋钮设成课程中的{name}探测器</translation>
    </message>
    <message>
        <source>nnviz feature table</source>
        <translation>nnviz 特征表</translation>
    </message>
    <message>
        <source>the table&apos;s labels</source>
        <translation>表中的标签</translation>
    </message>
    <message>
        <source>threshold b</source>
        <translation>阈值 b</translation>
    </message>
    <message>
        <source>w {feature}</source>
        <translation>w（{feature}）</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>正在打开 {file}…</translation>
    </message>
    <message>
        <source>Could not open the session ({reason})</source>
        <translation>无法打开会话（{reason}）</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>自动保存失败：{error}</translation>
    </message>
    <message>
        <source>Which surface (race) or which slice plane (network)</source>
        <translation>哪个曲面（竞速）或哪个切片平面（网络）</translation>
    </message>
    <message>
        <source>condition </source>
        <translation>条件数 </translation>
    </message>
    <message>
        <source>The bowl&apos;s condition number λmax/λmin: bigger is narrower</source>
        <translation>碗的条件数 λmax/λmin：越大，碗越窄</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Evaluate the slice again around the current weights</source>
        <translation>在当前权重周围重新计算切片</translation>
    </message>
    <message>
        <source>log colours</source>
        <translation>对数配色</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>三维</translation>
    </message>
    <message>
        <source>Show the surface in 3-D (needs OpenGL)</source>
        <translation>以三维显示曲面（需要 OpenGL）</translation>
    </message>
    <message>
        <source>gradient arrow</source>
        <translation>梯度箭头</translation>
    </message>
    <message>
        <source>momentum arrow</source>
        <translation>动量箭头</translation>
    </message>
    <message>
        <source>Σg² squares</source>
        <translation>Σg² 方块</translation>
    </message>
    <message>
        <source>Learning rate, on a log scale</source>
        <translation>学习率，对数刻度</translation>
    </message>
    <message>
        <source>The bowl at a {regime} learning rate (in units of 1/λmax)</source>
        <translation>碗面取“{regime}”的学习率（以 1/λmax 为单位）</translation>
    </message>
    <message>
        <source>Run the race</source>
        <translation>开始竞速</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One update, narrated stage by stage</source>
        <translation>一次更新，逐个阶段讲解</translation>
    </message>
    <message>
        <source>Every ball back to the start point</source>
        <translation>所有小球回到起点</translation>
    </message>
    <message>
        <source>Playback speed: updates per frame</source>
        <translation>播放速度：每帧更新几次</translation>
    </message>
    <message>
        <source>explain</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>Whose update Step explains, and whose cross-sections show</source>
        <translation>“单步”讲解谁的更新，截面显示谁的</translation>
    </message>
    <message>
        <source>Δx of the probe: shrink it and the secant becomes the tangent</source>
        <translation>探针的 Δx：把它缩小，割线就变成切线</translation>
    </message>
    <message>
        <source>fog</source>
        <translation>雾</translation>
    </message>
    <message>
        <source>Show only what has been evaluated (the foggy mountain)</source>
        <translation>只显示已经算过的地方（雾中的山）</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>走一步</translation>
    </message>
    <message>
        <source>Optimizer race on a surface</source>
        <translation>曲面上的优化器竞速</translation>
    </message>
    <message>
        <source>The live network&apos;s loss</source>
        <translation>实时网络的损失</translation>
    </message>
    <message>
        <source>Log-likelihood paths (2-weight logistic)</source>
        <translation>对数似然路径（两个权重的逻辑回归）</translation>
    </message>
    <message>
        <source>good</source>
        <translation>合适</translation>
    </message>
    <message>
        <source>oscillating</source>
        <translation>振荡</translation>
    </message>
    <message>
        <source>diverging</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>收敛</translation>
    </message>
    <message>
        <source>SVG export needs PySide6&apos;s QtSvg module; save as .png instead</source>
        <translation>导出 SVG 需要 PySide6 的 QtSvg 模块；请改存为 .png</translation>
    </message>
    <message>
        <source>nnviz network</source>
        <translation>nnviz 网络</translation>
    </message>
    <message>
        <source>No live network yet: measuring the 2-w-w-1 nets only.</source>
        <translation>还没有实时网络：只测量 2-w-w-1 网络。</translation>
    </message>
    <message>
        <source>Measuring the 2-w-w-1 nets only: {reason}.</source>
        <translation>只测量 2-w-w-1 网络：{reason}。</translation>
    </message>
    <message>
        <source>labels given</source>
        <translation>已给标签数</translation>
    </message>
    <message>
        <source>held-out accuracy (%)</source>
        <translation>留出数据准确率（%）</translation>
    </message>
    <message>
        <source>Label the least sure (L)</source>
        <translation>标注最没把握的点（L）</translation>
    </message>
    <message>
        <source>Reveal the label of the point the model is least sure of (red ring)</source>
        <translation>揭晓模型最没把握的点（红圈）的标签</translation>
    </message>
    <message>
        <source>Undo (Backspace)</source>
        <translation>撤销（Backspace）</translation>
    </message>
    <message>
        <source>Take the last label back</source>
        <translation>收回最后一个标签</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>The same data from the first labels again</source>
        <translation>同样的数据，从最初的标签重新开始</translation>
    </message>
    <message>
        <source>class 1</source>
        <translation>类别 1</translation>
    </message>
    <message>
        <source>class 2</source>
        <translation>类别 2</translation>
    </message>
    <message>
        <source>no label yet</source>
        <translation>尚无标签</translation>
    </message>
    <message>
        <source>least sure</source>
        <translation>最没把握</translation>
    </message>
    <message>
        <source>next for L</source>
        <translation>按 L 的下一个</translation>
    </message>
    <message>
        <source>you: least sure first</source>
        <translation>你：先标最没把握的</translation>
    </message>
    <message>
        <source>at random, same seed</source>
        <translation>随机标注，同一种子</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>A new session with these settings (a new k only re-rings the points)</source>
        <translation>用这些设置重新开始（只改 k 时只重新圈点）</translation>
    </message>
    <message>
        <source>Run the experiment in the training process</source>
        <translation>在训练进程中运行这个实验</translation>
    </message>
    <message>
        <source>digit network: not trained yet</source>
        <translation>数字网络：尚未训练</translation>
    </message>
    <message>
        <source>digit network: epoch {epoch} / {epochs}</source>
        <translation>数字网络：第 {epoch} / {epochs} 轮</translation>
    </message>
    <message>
        <source>Training stopped and could not be restarted; save your work.</source>
        <translation>训练已停止，且无法重新启动；请保存你的工作。</translation>
    </message>
    <message>
        <source>The training process stopped unexpectedly (exit code {code}); it was restarted with your data, network and weights.</source>
        <translation>训练进程意外停止（退出码 {code}）；已用你的数据、网络和权重重新启动。</translation>
    </message>
    <message>
        <source>Training restarted with your weights.</source>
        <translation>训练已用你的权重重新启动。</translation>
    </message>
    <message>
        <source>Changing the architecture or features rebuilds the network with fresh weights.</source>
        <translation>更改网络结构或特征会用新的随机权重重建网络。</translation>
    </message>
    <message>
        <source>{n} feature</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <source>{n} features</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <source>Unknown edge mode {mode}; choose {choices}.</source>
        <translation>未知的连线模式 {mode}；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>Picked the {what}.</source>
        <translation>已选中{what}。</translation>
    </message>
    <message>
        <source>new {what}
Enter applies · Escape cancels</source>
        <translation>新的{what}
Enter 应用 · Escape 取消</translation>
    </message>
    <message>
        <source>Waiting for the network…</source>
        <translation>正在等待网络…</translation>
    </message>
    <message>
        <source>{said}; {note}</source>
        <translation>{said}；{note}</translation>
    </message>
    <message>
        <source>undo history cleared to bound memory (it held over {n} replaced points)</source>
        <translation>为限制内存已清空撤销历史（其中存有超过 {n} 个被替换的点）</translation>
    </message>
    <message>
        <source>load generated data</source>
        <translation>载入生成的数据</translation>
    </message>
    <message>
        <source>Could not open {name} (unexpected error {error})</source>
        <translation>无法打开 {name}（意外错误 {error}）</translation>
    </message>
    <message>
        <source>add point</source>
        <translation>添加点</translation>
    </message>
    <message>
        <source>paint points</source>
        <translation>画出多个点</translation>
    </message>
    <message>
        <source>delete point</source>
        <translation>删除点</translation>
    </message>
    <message>
        <source>move point</source>
        <translation>移动点</translation>
    </message>
    <message>
        <source>Nothing to delete here: right-click on a point to delete it.</source>
        <translation>这里没有可删除的点：在点上右键单击即可删除它。</translation>
    </message>
    <message>
        <source>That click is outside the plane ({lo} … {hi}).</source>
        <translation>这次点击在平面之外（{lo} … {hi}）。</translation>
    </message>
    <message>
        <source>probability contours</source>
        <translation>概率等高线</translation>
    </message>
    <message>
        <source>Lines where the network says P(class 2 | x) = 0.1, 0.3, 0.5, 0.7, 0.9; the 0.5 line is the decision boundary.</source>
        <translation>网络给出 P(类别 2 | x) = 0.1、0.3、0.5、0.7、0.9 的线；0.5 那条就是决策边界。</translation>
    </message>
    <message>
        <source>ll = Σ log P(y_i | x_i) over the training points (natural log)</source>
        <translation>ll = 对训练集各点求 Σ log P(y_i | x_i)（自然对数）</translation>
    </message>
    <message>
        <source>input {i}</source>
        <translation>输入 {i}</translation>
    </message>
    <message>
        <source>neuron h{layer}[{i}] (hidden layer {layer}, neuron {i})</source>
        <translation>神经元 h{layer}[{i}]（隐藏层 {layer}，第 {i} 个神经元）</translation>
    </message>
    <message>
        <source>move away to return to the network&apos;s output</source>
        <translation>移开鼠标即回到网络的输出</translation>
    </message>
    <message>
        <source>the computation graph is computing it; the ring is the traced point</source>
        <translation>计算图正在计算它；圆环标出被追踪的点</translation>
    </message>
    <message>
        <source>Showing {name} — {why}.</source>
        <translation>正在显示{name} —— {why}。</translation>
    </message>
    <message>
        <source>click adds, drag moves, right-click deletes</source>
        <translation>单击添加，拖动移动，右键删除</translation>
    </message>
    <message>
        <source>drag paints points</source>
        <translation>拖动画出多个点</translation>
    </message>
    <message>
        <source>click a point to trace it</source>
        <translation>单击一个点来追踪它</translation>
    </message>
    <message>
        <source>add</source>
        <comment>tool</comment>
        <translation>添加</translation>
    </message>
    <message>
        <source>brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>trace</source>
        <translation>追踪</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>类别 {k}</translation>
    </message>
    <message>
        <source>shading: the most likely class, paler where the network is unsure</source>
        <translation>底色：最可能的类别，网络越没把握颜色越淡</translation>
    </message>
    <message>
        <source>line: the network&apos;s prediction y = f(x)</source>
        <translation>曲线：网络的预测 y = f(x)</translation>
    </message>
    <message>
        <source>shading: the network&apos;s prediction (blue +, orange −)</source>
        <translation>底色：网络的预测（蓝 +，橙 −）</translation>
    </message>
    <message>
        <source>shading: the network&apos;s output, line = decision boundary</source>
        <translation>底色：网络的输出，线 = 决策边界</translation>
    </message>
    <message>
        <source>where you click (x, y)</source>
        <translation>点击处 (x, y)</translation>
    </message>
    <message>
        <source>Tool: {tool} ({how}) · new points: {what} · {shows}</source>
        <translation>工具：{tool}（{how}）· 新点：{what} · {shows}</translation>
    </message>
    <message>
        <source>3-D needs PyOpenGL (pip install &apos;nnviz[gl]&apos;); showing the 2-D view.</source>
        <translation>三维视图需要 PyOpenGL（pip install &apos;nnviz[gl]&apos;）；现显示二维视图。</translation>
    </message>
    <message>
        <source>3-D needs a running application; showing the 2-D view.</source>
        <translation>三维视图需要正在运行的应用程序；现显示二维视图。</translation>
    </message>
    <message>
        <source>3-D is not available: no OpenGL context on the &apos;{platform}&apos; display. Showing the 2-D view.</source>
        <translation>三维视图不可用：&apos;{platform}&apos; 显示上没有 OpenGL 上下文。现显示二维视图。</translation>
    </message>
    <message>
        <source>computing the surface…</source>
        <translation>正在计算曲面…</translation>
    </message>
    <message>
        <source>  (coarse preview…)</source>
        <translation>  （粗略预览…）</translation>
    </message>
    <message>
        <source>secant</source>
        <translation>割线</translation>
    </message>
    <message>
        <source>tangent</source>
        <translation>切线</translation>
    </message>
    <message>
        <source>secant Δy/Δx = {secant}   {derivative_label} = {derivative}   (Δx = {dx}, difference {gap})</source>
        <translation>割线 Δy/Δx = {secant}   {derivative_label} = {derivative}   （Δx = {dx}，差 {gap}）</translation>
    </message>
    <message>
        <source>∂out/∂node</source>
        <translation>∂输出/∂节点</translation>
    </message>
    <message>
        <source>Running {title}… {left}</source>
        <translation>正在运行 {title}… {left}</translation>
    </message>
    <message>
        <source>Cancelling after the cell in progress…</source>
        <translation>当前这一格完成后取消…</translation>
    </message>
    <message>
        <source>{done} of {cells} done · {left}</source>
        <translation>已完成 {done}/{cells} · {left}</translation>
    </message>
    <message>
        <source>Which experiment to run</source>
        <translation>要运行哪个实验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop after the cell in progress; results so far stay</source>
        <translation>当前这一格完成后停止；已有结果保留</translation>
    </message>
    <message>
        <source>Choose settings and press Run.</source>
        <translation>选好设置后按“运行”。</translation>
    </message>
    <message>
        <source>{label}: {low} to {high}</source>
        <translation>{label}：{low} 到 {high}</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}…</translation>
    </message>
    <message>
        <source>Float this panel in its own window</source>
        <translation>让此面板浮动为独立窗口</translation>
    </message>
    <message>
        <source>Close this panel (View menu shows it)</source>
        <translation>关闭此面板（可从“视图”菜单重新打开）</translation>
    </message>
</context>
</TS>
