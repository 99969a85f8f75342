<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
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
        <source>Learning rate</source>
        <translation>学习率</translation>
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
        <source>Reset</source>
        <translation>重置</translation>
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
        <source>The weight the fog walk turns (W1[i,j]: from input i to neuron j of layer 1)</source>
        <translation>雾中下山转动的权重（W1[i,j]：从输入 i 到第 1 层的神经元 j）</translation>
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
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
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
        <source>SVG export needs PySide6&apos;s QtSvg module; save as .png instead</source>
        <translation>导出 SVG 需要 PySide6 的 QtSvg 模块；请改存为 .png</translation>
    </message>
    <message>
        <source>nnviz network</source>
        <translation>nnviz 网络</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
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
        <source>slow</source>
        <translation>慢</translation>
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
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>收敛</translation>
    </message>
</context>
</TS>
